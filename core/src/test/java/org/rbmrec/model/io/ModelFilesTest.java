package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rbmrec.model.io.TinyModels.assertSameBehaviour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasedMf;
import org.rbmrec.model.baseline.BiasedMfConfig;
import org.rbmrec.model.baseline.GlobalMean;
import org.rbmrec.model.baseline.SvdPlusPlus;
import org.rbmrec.model.baseline.SvdPlusPlusConfig;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.PredictionRule;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.Predictions;
import org.rbmrec.train.EpochListener;

class ModelFilesTest {
  @TempDir Path dir;

  private ModelFiles.Loaded roundTrip(Recommender model) {
    Path file = dir.resolve(ModelFiles.FILE_NAME);
    ModelFiles.save(model, TinyModels.training(), file, Map.of("seed", "42"));
    return ModelFiles.load(file);
  }

  @Test
  void biasBaselineRoundTrips() {
    BiasBaseline model = TinyModels.bias();
    assertSameBehaviour(roundTrip(model).model(), model);
  }

  @Test
  void biasedMfRoundTrips() {
    BiasedMf model = BiasedMf.fit(TinyModels.training(),
        BiasedMfConfig.defaults().withEpochs(3), EpochListener.NONE);
    BiasedMf loaded = (BiasedMf) roundTrip(model).model();
    assertSameBehaviour(loaded, model);
    assertThat(loaded.config()).isEqualTo(model.config());
  }

  @Test
  void svdPlusPlusRoundTrips() {
    SvdPlusPlus model = SvdPlusPlus.fit(TinyModels.training(),
        SvdPlusPlusConfig.defaults().withEpochs(3), EpochListener.NONE);
    SvdPlusPlus loaded = (SvdPlusPlus) roundTrip(model).model();
    assertSameBehaviour(loaded, model);
    assertThat(loaded.implicitFactors()).containsExactly(model.implicitFactors());
    assertThat(loaded.config()).isEqualTo(model.config());
  }

  @Test
  void globalMeanRoundTrips() {
    GlobalMean model = GlobalMean.fit(TinyModels.training());
    assertSameBehaviour(roundTrip(model).model(), model);
  }

  @Test
  void plainRbmRoundTripsWithItsFallback() {
    RbmModel model = TinyModels.rbm(RbmConfig.builder().hidden(6).epochs(2).threads(1).build());
    RbmModel loaded = (RbmModel) roundTrip(model).model();
    assertThat(loaded.config()).isEqualTo(model.config());
    assertThat(loaded.parameters().weightsCopy()).containsExactly(
        model.parameters().weightsCopy());
    assertSameBehaviour(loaded, model);
    assertSameBehaviour(loaded.fallback(), model.fallback());
    assertThat(loaded.isFallback(0, 1)).isTrue();
  }

  @Test
  void conditionalFactoredItemRbmRoundTrips() {
    RbmModel model = TinyModels.rbm(RbmConfig.builder().orientation(Orientation.ITEM)
        .hidden(5).factors(2).conditional(true).epochs(2).threads(2).build());
    RbmModel loaded = (RbmModel) roundTrip(model).model();
    assertThat(loaded.name()).isEqualTo("i-rbm-conditional-factored");
    assertThat(loaded.parameters().implicitWeightsCopy())
        .containsExactly(model.parameters().implicitWeightsCopy());
    assertSameBehaviour(loaded, model);
    for (int u = 0; u < model.numUsers(); u++) {
      assertThat(loaded.predict(u, 5, PredictionRule.EXACT))
          .isEqualTo(model.predict(u, 5, PredictionRule.EXACT));
    }
  }

  @Test
  void conditionalUserRbmKeepsItsIndicatorRows() {
    RbmModel model = TinyModels.rbm(
        RbmConfig.builder().hidden(4).conditional(true).epochs(1).threads(1).build());
    RbmModel loaded = (RbmModel) roundTrip(model).model();
    assertThat(loaded.indicatorRows().rowPointers())
        .containsExactly(model.indicatorRows().rowPointers());
    assertThat(loaded.indicatorRows().columns()).containsExactly(model.indicatorRows().columns());
    assertSameBehaviour(loaded, model);
  }

  @Test
  void idsScaleAndProvenanceAreRestored() {
    ModelFiles.Loaded loaded = roundTrip(TinyModels.bias());
    Ratings training = TinyModels.training();
    assertThat(loaded.users().rawIds()).containsExactly(training.userIds().rawIds());
    assertThat(loaded.items().rawIds()).containsExactly(training.itemIds().rawIds());
    assertThat(loaded.users().side()).isEqualTo("user");
    assertThat(loaded.scale()).isEqualTo(training.scale());
    assertThat(loaded.provenance()).isEqualTo(Map.of("seed", "42"));
    assertThat(loaded.kind()).isEqualTo("bias");
    assertThat(loaded.metadata()).containsEntry("format", "rbmrec")
        .containsEntry("format_version", "1")
        .containsEntry("config.userRegularization", "5.0")
        .containsKey("crc32");
  }

  @Test
  void savingALoadedModelAgainGivesTheSameBytes() throws IOException {
    Path first = dir.resolve("a.safetensors");
    Path second = dir.resolve("b.safetensors");
    ModelFiles.save(TinyModels.bias(), TinyModels.training(), first, Map.of("k", "v"));
    ModelFiles.save(ModelFiles.load(first), second);
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void rbmOnMl100kRoundTripsWithIdenticalPredictions() {
    Ratings[] u1 = org.rbmrec.data.Ml100kFixture.split("u1");
    boolean[] keep = new boolean[u1[0].size()];
    for (int x = 0; x < keep.length; x++) {
      keep[x] = u1[0].user(x) < 150;
    }
    Ratings training = u1[0].select(keep);
    RbmModel model = new org.rbmrec.model.rbm.RbmTrainer(
        RbmConfig.builder().hidden(8).epochs(1).threads(2).build())
        .train(training, BiasBaseline.fit(training,
            org.rbmrec.model.baseline.BiasConfig.defaults(), EpochListener.NONE));
    Path file = dir.resolve("model.safetensors");
    ModelFiles.save(model, training, file, Map.of());
    Recommender loaded = ModelFiles.load(file).model();
    Predictions a = model.predict(u1[1].usersCopy(), u1[1].itemsCopy());
    Predictions b = loaded.predict(u1[1].usersCopy(), u1[1].itemsCopy());
    assertThat(b.values()).containsExactly(a.values());
    assertThat(b.fallback()).containsExactly(a.fallback());
    TopItems top = loaded.recommend(3, 10, true);
    assertThat(top.items()).containsExactly(model.recommend(3, 10, true).items());
  }

  @Test
  void anUnsupportedModelIsRefused() {
    Recommender other = new Recommender() {
      @Override public String name() {
        return "other";
      }
      @Override public org.rbmrec.data.RatingScale scale() {
        return org.rbmrec.data.RatingScale.STARS_1_TO_5;
      }
      @Override public int numUsers() {
        return TinyModels.training().numUsers();
      }
      @Override public int numItems() {
        return TinyModels.training().numItems();
      }
      @Override public double predict(int user, int item) {
        return 3;
      }
      @Override public boolean isFallback(int user, int item) {
        return false;
      }
      @Override public TopItems recommend(int user, int k, boolean excludeSeen) {
        return new TopItems(new int[0], new double[0]);
      }
    };
    Path file = dir.resolve("model.safetensors");
    assertThatThrownBy(() -> ModelFiles.save(other, TinyModels.training(), file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot save a model of type");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void idIndicesMustMatchTheModel() {
    Ratings other = TinyModels.implicit().subset(new int[] {0});
    assertThatThrownBy(() -> ModelFiles.save(TinyModels.bias(),
        org.rbmrec.data.IdIndex.of("user", 1, 2), other.itemIds(),
        dir.resolve("m.safetensors"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id indices");
  }

  /** Saves a bias model, lets {@code edit} change its contents, rewrites them validly. */
  private Path edited(java.util.function.BiConsumer<Map<String, Tensor>, Map<String, String>> edit) {
    Path file = dir.resolve("model.safetensors");
    ModelFiles.save(TinyModels.bias(), TinyModels.training(), file, Map.of());
    SafeTensors.Contents contents = SafeTensors.read(file);
    Map<String, Tensor> tensors = new LinkedHashMap<>(contents.tensors());
    Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
    metadata.remove(SafeTensors.CRC_KEY);
    metadata.remove(SafeTensors.HEADER_CRC_KEY);
    edit.accept(tensors, metadata);
    SafeTensors.write(file, tensors, metadata);
    return file;
  }

  @Test
  void aSafetensorsFileOfAnotherKindIsNotAModel() {
    Path file = edited((t, m) -> m.remove("format"));
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not an rbmrec model file");
  }

  @Test
  void anotherFormatVersionIsNamed() {
    Path file = edited((t, m) -> m.put("format_version", "2"));
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("format version '2'; this build reads version 1");
  }

  @Test
  void aMissingTensorIsNamed() {
    Path file = edited((t, m) -> t.remove("item_bias"));
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("tensor 'item_bias' is missing");
  }

  @Test
  void aWronglyShapedOrTypedTensorIsNamed() {
    Path shape = edited((t, m) -> t.put("user_bias", Tensor.f64(new double[3])));
    assertThatThrownBy(() -> ModelFiles.load(shape))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("tensor 'user_bias' has shape [3]");
    Path type = edited((t, m) -> t.put("user_ids", Tensor.i32(new int[3])));
    assertThatThrownBy(() -> ModelFiles.load(type))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("tensor 'user_ids' is I32, expected I64");
  }

  @Test
  void inconsistentCsrRowsAreRejected() {
    Path file = edited((t, m) -> {
      int[] columns = t.get("seen.columns").ints().clone();
      columns[0] = 10_000;
      t.put("seen.columns", Tensor.i32(columns));
    });
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("inconsistent")
        .hasMessageContaining("seen.columns of row");
  }

  @Test
  void inconsistentMetadataIsADataException() {
    for (String[] change : new String[][] {{"num_users", "7"}, {"scale.step", "x"},
        {"scale.max", "0"}, {"model", "mystery"}, {"config.iterations", "0"}}) {
      Path file = edited((t, m) -> m.put(change[0], change[1]));
      assertThatThrownBy(() -> ModelFiles.load(file)).as(change[0])
          .isInstanceOf(DataException.class)
          .hasMessageContaining("inconsistent");
    }
  }

  @Test
  void anExtraTensorIsRejected() {
    Path file = edited((t, m) -> t.put("surprise", Tensor.i32(new int[] {1})));
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("unexpected tensor 'surprise'");
  }

  @Test
  void duplicateRawIdsAreADataException() {
    Path file = edited((t, m) -> {
      long[] ids = t.get("user_ids").longs().clone();
      ids[1] = ids[0];
      t.put("user_ids", Tensor.i64(ids));
    });
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("duplicate user id");
  }

  @Test
  void truncatedOrFlippedModelFilesAreDataExceptions() throws IOException {
    Path file = dir.resolve("model.safetensors");
    ModelFiles.save(TinyModels.rbm(RbmConfig.builder().hidden(3).epochs(1).threads(1).build()),
        TinyModels.training(), file, Map.of());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(DataException.class).hasMessageContaining("truncated");
    bytes[bytes.length - 100] ^= 0x20;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(DataException.class).hasMessageContaining("checksum");
  }

  @Test
  void anExportIsNotAModelFile() {
    Path model = dir.resolve("model.safetensors");
    ModelFiles.save(TinyModels.bias(), TinyModels.training(), model, Map.of());
    Path export = dir.resolve("export.safetensors");
    ModelExport.exportSafetensors(ModelFiles.load(model), export);
    assertThatThrownBy(() -> ModelFiles.load(export))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("metadata format is 'rbmrec-export'");
  }

  @Test
  void aMissingFileIsADataException() {
    assertThatThrownBy(() -> ModelFiles.load(dir.resolve("absent.safetensors")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("does not exist");
  }
}
