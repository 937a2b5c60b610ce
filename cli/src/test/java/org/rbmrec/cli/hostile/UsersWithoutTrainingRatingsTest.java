package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertUserError;
import static org.rbmrec.cli.hostile.CliOutcome.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rbmrec.cli.CliRun;
import org.rbmrec.cli.CliServices;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.source.Dataset;

/**
 * Users the model has no training rating of: user 60, whose every rating is among the latest and
 * so lands in the test part of a temporal split, and user 70, who is in the data's id index with
 * no rating at all. Documented behaviour, for every model kind: {@code train}, {@code evaluate}
 * and {@code recommend} work; their test ratings are predicted by the fallback (the bias
 * baseline, or the global mean for {@code mean}) and counted in {@code n_fallback} (except for
 * {@code mean}, which has no personalised predictions to fall back from); {@code recommend}
 * gives them the fallback's best items.
 */
class UsersWithoutTrainingRatingsTest {
  private static final long LAST_USER = 60;
  private static final long EMPTY_USER = 70;

  @TempDir
  Path dir;

  /** Users 10..50 rate items 1..6 early; user 60 rates items 1 and 2 last; user 70 never. */
  private static Dataset data() {
    int n = 5 * 6 + 2;
    int[] users = new int[n];
    int[] items = new int[n];
    byte[] levels = new byte[n];
    long[] times = new long[n];
    int x = 0;
    for (int u = 0; u < 5; u++) {
      for (int i = 0; i < 6; i++, x++) {
        users[x] = u;
        items[x] = i;
        levels[x] = (byte) ((u + 2 * i) % 5);
        times[x] = 1_000 + x;
      }
    }
    for (int i = 0; i < 2; i++, x++) {
      users[x] = 5;
      items[x] = i;
      levels[x] = 4;
      times[x] = 9_000 + i;
    }
    Ratings ratings = Ratings.of(users, items, levels, times,
        IdIndex.of("user", 10, 20, 30, 40, 50, LAST_USER, EMPTY_USER),
        IdIndex.of("item", 1, 2, 3, 4, 5, 6), RatingScale.STARS_1_TO_5);
    return Dataset.inMemory("sparse-users", ratings);
  }

  private static CliServices services() {
    return CliRun.services(data());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bias", "mf", "svdpp", "mean", "rbm", "rbm-item", "rbm-cond"})
  void trainEvaluateAndRecommendServeUsersWithoutTrainingRatings(String kind) throws Exception {
    Path run = dir.resolve(kind);
    CliRun trained = CliRun.run(services(), "train", "sparse-users", "--model", kind,
        "--split", "temporal:0.0625", "--valid", "0", "--json", "-q", "--out", run.toString(),
        "--threads", "1");
    assertThat(trained.status()).as(trained.err()).isZero();
    JsonNode train = json(trained);
    assertThat(train.get("n_test").asInt()).isEqualTo(2); // user 60's two ratings
    if (!kind.equals("mean")) {
      assertThat(train.get("n_fallback").asInt()).isEqualTo(2);
    }

    CliRun evaluated = CliRun.run(services(), "evaluate", run.toString(), "--json", "-q");
    assertThat(evaluated.status()).as(evaluated.err()).isZero();
    JsonNode eval = json(evaluated);
    assertThat(eval.get("n_test").asInt()).isEqualTo(2);
    assertThat(eval.get("n_fallback")).isEqualTo(train.get("n_fallback"));
    assertThat(eval.get("rmse").asDouble()).isEqualTo(train.get("rmse").asDouble());

    for (long user : new long[] {LAST_USER, EMPTY_USER}) {
      CliRun recommended = CliRun.run(services(), "recommend", run.toString(), "--user",
          Long.toString(user), "-n", "3", "--json", "-q");
      assertThat(recommended.status()).as(recommended.err()).isZero();
      JsonNode items = json(recommended).get("items");
      assertThat(items).hasSize(3);
      for (JsonNode item : items) {
        assertThat(item.get("score").asDouble()).isBetween(1.0, 5.0);
      }
    }
  }

  @Test
  void aTestFileWithUnknownIdsCountsThemAndOnlyUnknownIdsIsAUserError() throws Exception {
    Path run = dir.resolve("bias");
    CliRun trained = CliRun.run(services(), "train", "sparse-users", "--model", "bias",
        "--split", "temporal:0.0625", "--valid", "0", "-q", "--out", run.toString());
    assertThat(trained.status()).as(trained.err()).isZero();

    Path mixed = Files.writeString(dir.resolve("mixed.csv"),
        "70,3,4\n60,3,5\n99,1,3\n10,99,3\n9223372036854775807,1,2\n");
    CliRun r = CliRun.run(services(), "evaluate", run.toString(), "--test", mixed.toString(),
        "--json", "-q");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = json(r);
    assertThat(json.get("n_test").asInt()).isEqualTo(2);
    assertThat(json.get("n_unknown").asInt()).isEqualTo(3);
    assertThat(json.get("n_fallback").asInt()).isEqualTo(2);

    Path unknown = Files.writeString(dir.resolve("unknown.csv"), "99,1,3\n10,99,3\n");
    CliRun none = CliRun.run(services(), "evaluate", run.toString(), "--test",
        unknown.toString(), "-q");
    assertUserError(none);
    assertThat(none.err()).contains("nothing to evaluate").contains("2 unknown");

    Path offScale = Files.writeString(dir.resolve("off-scale.csv"), "10,1,3\n20,2,7\n");
    CliRun bad = CliRun.run(services(), "evaluate", run.toString(), "--test",
        offScale.toString(), "-q");
    assertUserError(bad);
    assertThat(bad.err()).contains(offScale + ":2: rating 7 is not on the scale");
  }
}
