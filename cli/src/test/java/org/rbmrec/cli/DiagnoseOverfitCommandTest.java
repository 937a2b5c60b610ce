package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DiagnoseOverfitCommandTest {
  private static final String SHARED = System.getProperty("rbmrec.sharedData");


  @Test
  void aBatchOfTenRealUsersIsFittedAndTheCurveIsPrintedAsJson() throws Exception {
    // F = 100 fits the batch to 0.009 in 200 steps; the rbm default F = 60 stalls near 0.4.
    CliRun r = CliRun.shipped("diagnose", "overfit", "ml-100k", "--data-dir", SHARED,
        "--users", "10", "--hidden", "100",
        "--steps", "200", "--json", "-q");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("users").asInt()).isEqualTo(10);
    assertThat(json.get("curve")).hasSize(200);
    assertThat(json.get("initial_rmse").asDouble()).isGreaterThan(0.9);
    assertThat(json.get("final_rmse").asDouble()).isLessThan(0.1);
    assertThat(json.get("curve").get(199).asDouble()).isEqualTo(json.get("final_rmse").asDouble());
  }

  @Test
  void theTableEndsWithTheFinalReconstructionError() {
    CliRun r = CliRun.shipped("diagnose", "overfit", "ml-100k", "--data-dir", SHARED,
        "--users", "5",
        "--steps", "20", "-q");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("reconstruction RMSE").contains("final reconstruction RMSE");
  }

  @Test
  void aBaselineModelIsRefusedWithOneLine() {
    CliRun r = CliRun.shipped("diagnose", "overfit", "ml-100k", "--data-dir", SHARED,
        "--model", "mf");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("needs an RBM");
  }
}
