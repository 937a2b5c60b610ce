package org.rbmrec.bench.librec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.split.RandomHoldout;
import org.rbmrec.data.split.Split;
import org.rbmrec.data.synth.SyntheticConfig;
import org.rbmrec.data.synth.SyntheticRatings;
import org.rbmrec.progress.Progress;

class LibRecRunnerTest {
  private static final LibRecBiasedMf SHORT_MF = LibRecBiasedMf.librecTestSettings().withEpochs(5);

  private static OfficialFold u1() {
    return OfficialFold.of(BenchData.ml100k(), "u1");
  }

  @Test
  void biasedMfOnU1ScoresInASaneRange() {
    PeerResult result = new LibRecRunner(1).run(SHORT_MF, u1());

    assertThat(result.rmse()).isBetween(0.85, 1.2);
    assertThat(result.mae()).isBetween(0.6, result.rmse());
    assertThat(result.library()).isEqualTo("LibRec 2.0.0");
    assertThat(result.model()).isEqualTo("BiasedMFRecommender");
    assertThat(result.fold()).isEqualTo("u1");
    assertThat(result.note()).startsWith("ok:");
  }

  @Test
  void biasedMfReportsTheEpochsItRanAndTheirTime() {
    PeerResult result = new LibRecRunner(1).run(SHORT_MF, u1());

    assertThat(result.epochs()).isEqualTo(5);
    assertThat(result.fitSeconds()).isPositive();
    assertThat(result.epochSeconds()).isEqualTo(result.fitSeconds() / 5);
    assertThat(result.hyperparameters())
        .containsEntry("rec.iterator.maximum", "5")
        .containsEntry("rec.factor.number", "10")
        .containsEntry("rec.random.seed", "1");
  }

  @Test
  void ratingsInMemoryTrainAndScoreLikeTheSameRatingsInFiles() {
    Ratings all = SyntheticRatings.generate(SyntheticConfig.ml1mShape().scaled(0.1),
        Progress.NONE, 1).ratings();
    Split split = RandomHoldout.split(all, 0.1, 3);

    PeerResult result = new LibRecRunner(1).run(SHORT_MF, "ml1m-shape", split.train(),
        split.test());

    assertThat(result.fold()).isEqualTo("ml1m-shape");
    assertThat(result.model()).isEqualTo("BiasedMFRecommender");
    assertThat(result.rmse()).isBetween(0.6, 1.3);
    assertThat(result.note()).startsWith("ok:");
  }

  @Test
  void sameSeedGivesTheSameBiasedMfScores() {
    OfficialFold fold = OfficialFold.of(BenchData.ml100k(), "u2");
    LibRecBiasedMf tiny = SHORT_MF.withEpochs(2);

    PeerResult first = new LibRecRunner(7).run(tiny, fold);
    PeerResult second = new LibRecRunner(7).run(tiny, fold);

    assertThat(second.rmse()).isEqualTo(first.rmse());
    assertThat(second.mae()).isEqualTo(first.mae());
  }

  @Test
  void librecRbmOutputIsReportedAsDegenerate() {
    LibRecRbm tinyRbm = LibRecRbm.defaults().withHiddenUnits(5).withEpochs(1);

    PeerResult result = new LibRecRunner(1).run(tinyRbm, u1());

    // LibRec 2.0.0's RBM predicts one star too high; the note must say so, not hide it.
    assertThat(result.note()).startsWith("DEGENERATE").contains("mean prediction");
    assertThat(result.note()).contains("diagnostic only").contains("unseeded");
    assertThat(result.epochs()).isEqualTo(1);
  }

  @Test
  void malformedTestLineIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
    Path test = dir.resolve("u1.test");
    Files.writeString(test, "1\t2\t3\t881250949\n1\t3\tfive\t881250949\n");

    assertThatThrownBy(() -> LibRecRunner.readTestRatings(test))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("u1.test:2")
        .hasMessageContaining("numeric rating");
  }

  @Test
  void ratingOffTheScaleIsRejected(@TempDir Path dir) throws IOException {
    Path test = dir.resolve("u1.test");
    Files.writeString(test, "1\t2\t7\t881250949\n");

    assertThatThrownBy(() -> LibRecRunner.readTestRatings(test))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("from 1 to 5");
  }
}
