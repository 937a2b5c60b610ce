package org.rbmrec.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.rbmrec.data.Ratings;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;
import org.junit.jupiter.api.Test;

class BiasedMfTest {
  private static final Ratings[] PLANTED = PlantedRatings.split(40, 50, 0.3, 11);
  private static final BiasedMfConfig SMALL =
      new BiasedMfConfig(4, 60, 0.02, 1.0, 0.02, 0.02, 0.1, 7);

  @Test
  void recoversPlantedInteractionsThatBiasesCannot() {
    BiasedMf mf = BiasedMf.fit(PLANTED[0], SMALL, EpochListener.NONE);
    BiasBaseline bias = BiasBaseline.fit(PLANTED[0], BiasConfig.defaults(), EpochListener.NONE);
    double biasRmse = PlantedRatings.rmse(bias, PLANTED[1]);
    assertThat(biasRmse).isGreaterThan(1.2);
    assertThat(PlantedRatings.rmse(mf, PLANTED[1])).isLessThan(0.5);
  }

  @Test
  void sameSeedGivesIdenticalFactors() {
    BiasedMf a = BiasedMf.fit(PLANTED[0], SMALL.withEpochs(5), EpochListener.NONE);
    BiasedMf b = BiasedMf.fit(PLANTED[0], SMALL.withEpochs(5), EpochListener.NONE);
    assertThat(b.userFactors()).containsExactly(a.userFactors());
    assertThat(b.itemFactors()).containsExactly(a.itemFactors());
    assertThat(b.predict(3, 4)).isEqualTo(a.predict(3, 4));
  }

  @Test
  void differentSeedsGiveDifferentFactors() {
    BiasedMf a = BiasedMf.fit(PLANTED[0], SMALL.withEpochs(5), EpochListener.NONE);
    BiasedMf b = BiasedMf.fit(PLANTED[0], SMALL.withEpochs(5).withSeed(8), EpochListener.NONE);
    assertThat(b.userFactors()).isNotEqualTo(a.userFactors());
  }

  @Test
  void reportsFallingTrainRmseEachEpoch() {
    List<EpochReport> reports = new ArrayList<>();
    BiasedMf.fit(PLANTED[0], SMALL.withEpochs(20), reports::add);
    assertThat(reports).hasSize(20);
    assertThat(reports.get(19).metric("train_rmse"))
        .isLessThan(reports.get(0).metric("train_rmse") * 0.8);
  }

  @Test
  void userWithoutTrainingRatingsFallsBackToBiases() {
    Ratings train = TinyRatings.of(
        3, 3, new double[] {0, 0, 5}, new double[] {0, 1, 3}, new double[] {1, 0, 4},
        new double[] {1, 1, 2});
    BiasedMf model = BiasedMf.fit(train, SMALL.withEpochs(3), EpochListener.NONE);
    assertThat(model.isFallback(2, 0)).isTrue();
    assertThat(model.isFallback(0, 2)).isTrue();
    assertThat(model.isFallback(0, 1)).isFalse();
    assertThat(model.predict(2, 0))
        .isCloseTo(model.mean() + model.itemBias(0), within(1e-12));
    assertThat(model.predict(0, 2))
        .isCloseTo(model.mean() + model.userBias(0), within(1e-12));
  }

  @Test
  void divergenceIsReportedNotReturned() {
    BiasedMfConfig wild = new BiasedMfConfig(50, 50, 1.0, 1.0, 0, 0, 10, 1);
    assertThatThrownBy(() -> BiasedMf.fit(PLANTED[0], wild, EpochListener.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("diverged");
  }

  @Test
  void configValidationNamesParameterRangeAndValue() {
    assertThatThrownBy(() -> new BiasedMfConfig(0, 10, 0.01, 1, 0.1, 0.1, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("factors must be in [1, 4096], got 0");
    assertThatThrownBy(() -> new BiasedMfConfig(10, 10, -1, 1, 0.1, 0.1, 0.1, 1))
        .hasMessage("learningRate must be in (0, 1], got -1.0");
    assertThatThrownBy(() -> new BiasedMfConfig(10, 10, 0.01, 1, 0.1, 0.1, -0.1, 1))
        .hasMessage("initStd must be in [0, 10], got -0.1");
  }
}
