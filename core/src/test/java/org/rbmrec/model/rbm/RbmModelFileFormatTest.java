package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.baseline.GlobalMean;
import org.rbmrec.model.io.ModelFiles;

/**
 * Format stability: a version-1 RBM model file ({@link ModelFiles}, safetensors layout) committed
 * with the tests keeps loading. The file holds the tiny conditional model built by
 * {@link #tinyModel()} (weights drawn from a fixed seed), so loading must reproduce it exactly.
 * Regenerate it only with a new format version: run this class's {@code main} with the resource
 * folder as argument.
 */
class RbmModelFileFormatTest {
  private static final RatingScale SCALE = new RatingScale(1, 3, 1);

  static RbmModel tinyModel() {
    RbmParameters p = BruteForce.randomParameters(4, 3, 3, 0, true, 0.5, 2026);
    SparseRows rows = SparseRows.fromTriplets(2, 4, new int[] {0, 0, 1, 1, 1},
        new int[] {0, 2, 1, 2, 3}, new byte[] {2, 0, 1, 1, 0});
    SparseRows implicit = SparseRows.fromTriplets(2, 4, new int[] {0}, new int[] {3},
        new byte[] {0});
    // Every field explicit, so later changes of the defaults cannot break the comparison.
    RbmConfig config = new RbmConfig(Orientation.USER, 3, 0, true, 40, 32, 4, 0.1, 0.95, 0.5,
        0.5, 6, BatchAverage.ROWS, 0.001, 0.01, 1.0,
        java.util.List.of(new CdStage(1, 1), new CdStage(20, 3)),
        false, NegativePhase.PROBABILITIES, PredictionRule.EXACT, 2026L, 1, 500, 0.0, 0);
    return new RbmModel(config, p, SCALE, rows, IndicatorRows.union(rows, implicit),
        GlobalMean.of(2.0, SCALE, rows));
  }

  /** Writes the golden file into the folder {@code args[0]}. */
  public static void main(String[] args) {
    ModelFiles.save(tinyModel(), IdIndex.of("user", 11, 12), IdIndex.of("item", 1, 2, 3, 4),
        Path.of(args[0]).resolve(GOLDEN), Map.of("note", "golden file, format version 1"));
  }

  private static final String GOLDEN = "tiny-rbm-v1.safetensors";

  @Test
  void versionOneFileStillLoadsExactly() throws URISyntaxException, java.io.IOException {
    Path file = Path.of(getClass().getResource(GOLDEN).toURI());
    assertThat(Files.size(file)).isPositive();
    RbmModel expected = tinyModel();
    ModelFiles.Loaded file1 = ModelFiles.load(file);
    assertThat(file1.users().rawIds()).containsExactly(11, 12);
    RbmModel loaded = (RbmModel) file1.model();
    assertThat(loaded.config()).isEqualTo(expected.config());
    assertThat(Arrays.equals(loaded.parameters().weightsCopy(),
        expected.parameters().weightsCopy())).isTrue();
    assertThat(Arrays.equals(loaded.parameters().implicitWeightsCopy(),
        expected.parameters().implicitWeightsCopy())).isTrue();
    for (int user = 0; user < 2; user++) {
      for (int item = 0; item < 4; item++) {
        assertThat(loaded.predictExact(user, item)).isEqualTo(expected.predictExact(user, item));
      }
    }
  }
}
