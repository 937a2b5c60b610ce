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

class SvdPlusPlusTest {
  private static final Ratings[] PLANTED = PlantedRatings.split(40, 50, 0.3, 11);
  private static final SvdPlusPlusConfig SMALL =
      new SvdPlusPlusConfig(4, 60, 0.02, 1.0, 0.02, 0.02, 0.02, 0.1, 7);

  @Test
  void recoversPlantedInteractionsThatBiasesCannot() {
    SvdPlusPlus model = SvdPlusPlus.fit(PLANTED[0], SMALL, EpochListener.NONE);
    BiasBaseline bias = BiasBaseline.fit(PLANTED[0], BiasConfig.defaults(), EpochListener.NONE);
    assertThat(PlantedRatings.rmse(bias, PLANTED[1])).isGreaterThan(1.2);
    assertThat(PlantedRatings.rmse(model, PLANTED[1])).isLessThan(0.5);
  }

  @Test
  void predictionUsesTheImplicitTermOfTheUsersTrainingItems() {
    SvdPlusPlus model = SvdPlusPlus.fit(PLANTED[0], SMALL.withEpochs(3), EpochListener.NONE);
    int f = SMALL.factors();
    double[] p = model.userFactors();
    double[] q = model.itemFactors();
    double[] y = model.implicitFactors();
    var rows = PLANTED[0].byUser();
    int u = 5;
    int i = 7;
    double[] x = new double[f];
    double norm = 1 / Math.sqrt(rows.rowLength(u));
    for (int k = 0; k < f; k++) {
      x[k] = p[u * f + k];
      for (int pos = rows.rowStart(u); pos < rows.rowEnd(u); pos++) {
        x[k] += norm * y[rows.column(pos) * f + k];
      }
    }
    double expected = model.mean() + model.userBias(u) + model.itemBias(i);
    for (int k = 0; k < f; k++) {
      expected += q[i * f + k] * x[k];
    }
    assertThat(model.predict(u, i)).isCloseTo(Math.max(1, Math.min(5, expected)), within(1e-9));
  }

  @Test
  void sameSeedGivesIdenticalFactors() {
    SvdPlusPlus a = SvdPlusPlus.fit(PLANTED[0], SMALL.withEpochs(5), EpochListener.NONE);
    SvdPlusPlus b = SvdPlusPlus.fit(PLANTED[0], SMALL.withEpochs(5), EpochListener.NONE);
    assertThat(b.implicitFactors()).containsExactly(a.implicitFactors());
    assertThat(b.userFactors()).containsExactly(a.userFactors());
    assertThat(b.predict(3, 4)).isEqualTo(a.predict(3, 4));
  }

  @Test
  void differentSeedsGiveDifferentFactors() {
    SvdPlusPlus a = SvdPlusPlus.fit(PLANTED[0], SMALL.withEpochs(5), EpochListener.NONE);
    SvdPlusPlus b =
        SvdPlusPlus.fit(PLANTED[0], SMALL.withEpochs(5).withSeed(8), EpochListener.NONE);
    assertThat(b.implicitFactors()).isNotEqualTo(a.implicitFactors());
  }

  @Test
  void reportsFallingTrainRmseEachEpoch() {
    List<EpochReport> reports = new ArrayList<>();
    SvdPlusPlus.fit(PLANTED[0], SMALL.withEpochs(20), reports::add);
    assertThat(reports).hasSize(20);
    assertThat(reports.get(19).metric("train_rmse"))
        .isLessThan(reports.get(0).metric("train_rmse") * 0.8);
  }

  @Test
  void userWithoutTrainingRatingsFallsBackToBiases() {
    Ratings train = TinyRatings.of(
        3, 3, new double[] {0, 0, 5}, new double[] {0, 1, 3}, new double[] {1, 0, 4},
        new double[] {1, 1, 2});
    SvdPlusPlus model = SvdPlusPlus.fit(train, SMALL.withEpochs(3), EpochListener.NONE);
    assertThat(model.isFallback(2, 1)).isTrue();
    assertThat(model.isFallback(1, 2)).isTrue();
    assertThat(model.isFallback(1, 1)).isFalse();
    assertThat(model.predict(2, 1))
        .isCloseTo(model.mean() + model.itemBias(1), within(1e-12));
  }

  @Test
  void configValidationNamesParameterRangeAndValue() {
    assertThatThrownBy(() -> new SvdPlusPlusConfig(10, 0, 0.01, 1, 0.1, 0.1, 0.1, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epochs must be in [1, 100000], got 0");
    assertThatThrownBy(() -> new SvdPlusPlusConfig(10, 10, 0.01, 0, 0.1, 0.1, 0.1, 0.1, 1))
        .hasMessage("learningRateDecay must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> new SvdPlusPlusConfig(10, 10, 0.01, 1, 0.1, 11, 0.1, 0.1, 1))
        .hasMessage("implicitRegularization must be in [0, 10], got 11.0");
  }
}
