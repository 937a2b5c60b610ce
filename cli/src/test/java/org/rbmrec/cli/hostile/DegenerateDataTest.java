package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertUserError;
import static org.rbmrec.cli.hostile.CliOutcome.json;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.cli.CliRun;

/** The cases {@link DegenerateDataProperties} found, pinned as examples. */
class DegenerateDataTest {
  @TempDir
  Path dir;

  /** 8 users × 6 items on the given values, cycling. */
  private Path ratings(String... values) throws Exception {
    StringBuilder text = new StringBuilder();
    int x = 0;
    for (int u = 1; u <= 8; u++) {
      for (int i = 1; i <= 6; i++, x++) {
        text.append(u).append(',').append(i).append(',').append(values[x % values.length])
            .append('\n');
      }
    }
    return Files.writeString(dir.resolve("ratings.csv"), text);
  }

  @Test
  void dataOnAScaleBelowFourTrainsAndEvaluatesWithTheTopAsThreshold() throws Exception {
    Path file = ratings("0", "1", "2", "3", "2");
    Path run = dir.resolve("run");
    CliRun trained = CliRun.shipped("train", file.toString(), "--model", "bias", "--split",
        "random:0.2", "--valid", "0", "--json", "-q", "--out", run.toString());
    assertThat(trained.status()).as(trained.err()).isZero();
    assertThat(json(trained).get("relevance_threshold").asDouble()).isEqualTo(3.0);
    CliRun evaluated = CliRun.shipped("evaluate", run.toString(), "--json", "-q");
    assertThat(evaluated.status()).as(evaluated.err()).isZero();
    assertThat(json(evaluated).get("relevance_threshold").asDouble()).isEqualTo(3.0);
    assertUserError(CliRun.shipped("evaluate", run.toString(), "--threshold", "4", "-q"));
  }

  @Test
  void binaryDataComparesWithTheTopAsThreshold() throws Exception {
    Path file = ratings("0", "1", "1");
    CliRun r = CliRun.shipped("compare", file.toString(), "--models", "bias,mean", "--folds",
        "random:0.2", "--json", "-q", "--out", dir.resolve("compare").toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"relevance_threshold\" : 1.0");
  }

  @Test
  void anRbmOnASingleRatingValueIsAClearError() throws Exception {
    Path file = ratings("3");
    CliRun r = CliRun.shipped("train", file.toString(), "--model", "rbm", "--split",
        "random:0.2", "--valid", "0", "-q", "--out", dir.resolve("run").toString());
    assertUserError(r);
    assertThat(r.err()).contains("an RBM needs ratings on at least 2 levels");
    assertThat(dir.resolve("run").resolve("complete.json")).doesNotExist();
    assertThat(CliRun.shipped("train", file.toString(), "--model", "bias", "--split",
        "random:0.2", "--valid", "0", "-q", "--out", dir.resolve("bias").toString()).status())
        .isZero();
  }

  @Test
  void aSplitWithAnEmptyPartFailsBeforeWritingARunFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("one.csv"), "1,1,4\n");
    Path run = dir.resolve("run");
    CliRun r = CliRun.shipped("train", file.toString(), "--model", "bias", "--split",
        "random:0.2", "--valid", "0", "-q", "--out", run.toString());
    assertUserError(r);
    assertThat(r.err()).contains("(1 rating) leaves the test part empty");
    assertThat(run).doesNotExist();
  }
}
