package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertUserError;
import static org.rbmrec.cli.hostile.CliOutcome.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.cli.CliRun;

/**
 * Raw ids beyond {@code int} (and negative ones) go through a real ratings file, {@code train},
 * {@code evaluate} and {@code recommend} unchanged; an id beyond {@code long} is an error naming
 * the file and line.
 */
class HugeIdsTest {
  private static final long BIG_USER = 9_000_000_000_000_000_000L;
  private static final long[] ITEMS = {-5, 3_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, 7};

  @TempDir
  Path dir;

  @Test
  void idsBeyondIntSurviveTrainEvaluateAndRecommend() throws Exception {
    StringBuilder text = new StringBuilder();
    long[] users = {BIG_USER, -1, 2_147_483_648L, 4_000_000_000L, 12};
    for (int u = 0; u < users.length; u++) {
      for (int i = 0; i < ITEMS.length; i++) {
        if ((u + i) % 5 != 0 || users[u] == BIG_USER && i == 0) {
          text.append(users[u]).append(',').append(ITEMS[i]).append(',')
              .append(1 + (u * 3 + i) % 5).append('\n');
        }
      }
    }
    Path file = Files.writeString(dir.resolve("big-ids.csv"), text);
    Path run = dir.resolve("run");
    CliRun trained = CliRun.shipped("train", file.toString(), "--model", "bias", "--split",
        "random:0.2", "--valid", "0", "-q", "--out", run.toString());
    assertThat(trained.status()).as(trained.err()).isZero();
    assertThat(CliRun.shipped("evaluate", run.toString(), "-q").status()).isZero();

    CliRun r = CliRun.shipped("recommend", run.toString(), "--user", Long.toString(BIG_USER),
        "-n", "5", "--json", "-q");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = json(r);
    assertThat(json.get("user").asLong()).isEqualTo(BIG_USER);
    Set<Long> known = new HashSet<>();
    for (long item : ITEMS) {
      known.add(item);
    }
    for (JsonNode item : json.get("items")) {
      assertThat(item.get("item").isIntegralNumber()).isTrue();
      assertThat(known).contains(item.get("item").asLong());
    }
  }

  @Test
  void anIdBeyondLongNamesTheFileAndLine() throws Exception {
    Path file = Files.writeString(dir.resolve("too-big.csv"),
        "1,1,3\n2,2,4\n1,9223372036854775808,5\n");
    CliRun r = CliRun.shipped("data", "info", file.toString(), "-q");
    assertUserError(r);
    assertThat(r.err()).contains(file + ":3: expected an integer item id, found"
        + " \"9223372036854775808\"");
  }
}
