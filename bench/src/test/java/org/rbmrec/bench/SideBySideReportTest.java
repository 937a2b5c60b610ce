package org.rbmrec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rbmrec.bench.librec.PeerReport;
import org.rbmrec.bench.librec.PeerResult;

class SideBySideReportTest {
  private static SideBySideReport twoFolds() {
    PeerReport peers = new PeerReport(7, List.of("u1", "u2"));
    peers.add("mf", peer("u1", 0.95, 4.0, 10));
    peers.add("mf", peer("u2", 0.97, 6.0, 10));
    SideBySideReport report =
        new SideBySideReport(List.of("u1", "u2"), peers, Map.of("seed", 7));
    report.declare(new SideBySideReport.Entry("mf", "our MF", "factors", 20, "mf"));
    report.add("mf", new OwnResult("mf", "u1", 0.92, 0.72, 1.0, 20, Map.of(), Map.of()));
    report.add("mf", new OwnResult("mf", "u2", 0.94, 0.74, 3.0, 20, Map.of(), Map.of()));
    return report;
  }

  private static PeerResult peer(String fold, double rmse, double fitSeconds, int epochs) {
    return new PeerResult("LibRec 2.0.0", "BiasedMFRecommender", fold, rmse, rmse - 0.2,
        fitSeconds, fitSeconds / epochs, epochs, Map.of(), "ok");
  }

  @Test
  void modelFiguresAreMeansOverFoldsWithPerFoldValuesAlongside() {
    JsonNode mf = twoFolds().toJson().get("rbmrec").get("mf");

    assertThat(mf.get("rmse").asDouble()).isCloseTo(0.93, within(1e-12));
    assertThat(mf.get("fit_seconds").asDouble()).isCloseTo(2.0, within(1e-12));
    assertThat(mf.get("epoch_seconds").asDouble()).isCloseTo(0.1, within(1e-12));
    assertThat(mf.get("per_fold").get(1).get("rmse").asDouble()).isEqualTo(0.94);
  }

  @Test
  void ratiosCompareTheMeans() {
    JsonNode ratio = twoFolds().toJson().get("ratios").get("mf");

    assertThat(ratio.get("rmse_diff").asDouble()).isCloseTo(0.93 - 0.96, within(1e-12));
    assertThat(ratio.get("fit_time_ratio").asDouble()).isCloseTo(5.0 / 2.0, within(1e-12));
    assertThat(ratio.get("epoch_time_ratio").asDouble())
        .isCloseTo(0.5 / 0.1, within(1e-12));
  }

  @Test
  void rbmEpochsAtLibRecsGibbsStepsGetTheirOwnRatio() {
    PeerReport peers = new PeerReport(7, List.of("u1"));
    peers.add("rbm", new PeerResult("LibRec 2.0.0", "RBMRecommender", "u1", 1.4, 1.1, 20.0,
        1.0, 20, Map.of("rec.tstep", "1"), "DEGENERATE"));
    SideBySideReport report = new SideBySideReport(List.of("u1"), peers, Map.of());
    report.declare(new SideBySideReport.Entry("rbm", "our RBM", "hidden", 100, "rbm"));
    report.add("rbm", new OwnResult("rbm", "u1", 0.97, 0.77, 6.0, 30, Map.of(),
        Map.of(1, 0.1, 3, 0.4)));

    JsonNode json = report.toJson();

    assertThat(json.get("rbmrec").get("rbm").get("epoch_seconds_by_cd_steps").get("3")
        .asDouble()).isEqualTo(0.4);
    assertThat(json.get("ratios").get("rbm").get("epoch_time_ratio").asDouble())
        .isCloseTo(1.0 / 0.2, within(1e-12));
    assertThat(json.get("ratios").get("rbm").get("epoch_time_ratio_same_cd_steps").asDouble())
        .isCloseTo(1.0 / 0.1, within(1e-12));
  }

  @Test
  void degenerateLibRecPredictionsAreFlaggedAndWarnedAbout() {
    PeerReport peers = new PeerReport(7, List.of("u1"));
    peers.add("rbm", new PeerResult("LibRec 2.0.0", "RBMRecommender", "u1", 1.4, 1.1, 20.0,
        1.0, 20, Map.of(), "DEGENERATE (76 NaN predictions): raw predictions min 2.000"));
    SideBySideReport report = new SideBySideReport(List.of("u1"), peers, Map.of());

    assertThat(report.toJson().get("librec").get("rbm").get("degenerate").asBoolean()).isTrue();
    assertThat(report.warnings()).containsExactly(
        "LibRec's rbm predictions are DEGENERATE (76 NaN predictions); see the note in --json");
  }

  @Test
  void tableShowsTheSpeedUpPerEpoch() {
    String text = twoFolds().table().toText();

    assertThat(text).contains("0.9300", "0.9600", "5.0x");
  }

  @Test
  void resultOfAnUndeclaredModelIsRefused() {
    SideBySideReport report = twoFolds();

    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> report.add("svdpp",
            new OwnResult("svdpp", "u1", 0.9, 0.7, 1.0, 1, Map.of(), Map.of())))
        .withMessageContaining("svdpp was not declared");
  }
}
