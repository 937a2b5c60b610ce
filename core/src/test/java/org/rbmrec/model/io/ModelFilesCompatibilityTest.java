package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.train.EpochListener;

/**
 * A model file written by format version 1 (committed in the test resources) keeps loading and
 * predicting as the model it was saved from.
 */
class ModelFilesCompatibilityTest {
  @Test
  void aVersionOneBiasModelFileStillLoads() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("bias-v1.safetensors").toURI());
    ModelFiles.Loaded loaded = ModelFiles.load(file);
    assertThat(loaded.kind()).isEqualTo("bias");
    assertThat(loaded.users().rawIds()).containsExactly(7, 8, 9);
    assertThat(loaded.items().rawIds()).containsExactly(100, 200, 300, 400);
    assertThat(loaded.provenance()).containsEntry("note", "golden file, format version 1");
    BiasBaseline saved = (BiasBaseline) loaded.model();
    Ratings ratings = Ratings.of(
        new int[] {0, 0, 0, 1, 1, 2},
        new int[] {0, 1, 2, 0, 3, 3},
        new byte[] {4, 3, 3, 0, 4, 2},
        null,
        IdIndex.of("user", 7, 8, 9),
        IdIndex.of("item", 100, 200, 300, 400),
        RatingScale.STARS_1_TO_5);
    BiasBaseline refitted = BiasBaseline.fit(ratings, saved.config(), EpochListener.NONE);
    TinyModels.assertSameBehaviour(saved, refitted);
    assertThat(saved.mean()).isEqualTo((5 + 4 + 4 + 1 + 5 + 3) / 6.0);
  }
}
