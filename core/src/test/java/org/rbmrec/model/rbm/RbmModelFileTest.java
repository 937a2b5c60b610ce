package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Predictions;

class RbmModelFileTest {
  @TempDir Path dir;

  private static RbmModel trained(RbmConfig config) {
    Ratings[] u1 = Ml100kFixture.split("u1");
    boolean[] keep = new boolean[u1[0].size()];
    for (int x = 0; x < keep.length; x++) {
      keep[x] = u1[0].user(x) < 150;
    }
    Ratings training = u1[0].select(keep);
    return new RbmTrainer(config).train(training, u1[1], null,
        ConstantRecommender.globalMean(training), org.rbmrec.train.EpochListener.NONE,
        org.rbmrec.progress.Progress.NONE);
  }

  private static void assertSamePredictions(RbmModel a, RbmModel b) {
    Ratings test = Ml100kFixture.split("u1")[1];
    Predictions pa = a.predict(test.usersCopy(), test.itemsCopy());
    Predictions pb = b.predict(test.usersCopy(), test.itemsCopy());
    assertThat(pb.values()).containsExactly(pa.values());
    assertThat(pb.fallback()).containsExactly(pa.fallback());
    assertThat(b.predictExact(3, 7)).isEqualTo(a.predictExact(3, 7));
  }

  @Test
  void roundTripGivesIdenticalPredictions() {
    RbmModel model = trained(RbmConfig.builder().orientation(Orientation.USER)
        .hidden(10).epochs(1).threads(2).build());
    Path file = dir.resolve("model.rbm");
    RbmModelFile.save(model, file);
    RbmModel loaded = RbmModelFile.load(file, model.fallback());
    assertThat(loaded.config()).isEqualTo(model.config());
    assertThat(Arrays.equals(loaded.parameters().weightsCopy(), model.parameters().weightsCopy()))
        .isTrue();
    assertSamePredictions(model, loaded);
  }

  @Test
  void roundTripKeepsConditionalFactoredItemModels() {
    RbmModel model = trained(RbmConfig.builder().orientation(Orientation.ITEM).hidden(8)
        .factors(3).conditional(true).epochs(1).threads(2).build());
    Path file = dir.resolve("model.rbm");
    RbmModelFile.save(model, file);
    RbmModel loaded = RbmModelFile.load(file, model.fallback());
    assertThat(loaded.name()).isEqualTo("i-rbm-conditional-factored");
    assertSamePredictions(model, loaded);
  }

  @Test
  void truncatedFileIsADataException() throws IOException {
    RbmModel model = trained(RbmConfig.builder().orientation(Orientation.USER)
        .hidden(6).epochs(1).build());
    Path file = dir.resolve("model.rbm");
    RbmModelFile.save(model, file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> RbmModelFile.load(file, model.fallback()))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("truncated or corrupted");
  }

  @Test
  void tamperedByteIsADataException() throws IOException {
    RbmModel model = trained(RbmConfig.builder().orientation(Orientation.USER)
        .hidden(6).epochs(1).build());
    Path file = dir.resolve("model.rbm");
    RbmModelFile.save(model, file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 3] ^= 0x10;
    Files.write(file, bytes);
    assertThatThrownBy(() -> RbmModelFile.load(file, model.fallback()))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void otherFilesAreRejectedByMagic() throws IOException {
    Path file = dir.resolve("not-a-model.txt");
    Files.writeString(file, "user,item,rating\n1,2,3\n1,3,4\n");
    assertThatThrownBy(() -> RbmModelFile.load(file, null))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not an rbmrec RBM model file");
  }

  @Test
  void missingFileIsADataException() {
    assertThatThrownBy(() -> RbmModelFile.load(dir.resolve("absent.rbm"), null))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("does not exist");
  }
}
