package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertUserError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rbmrec.cli.CliRun;
import org.rbmrec.cli.CliServices;
import org.rbmrec.cli.ExitCode;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.source.Dataset;

/**
 * A run folder's {@code run.json} edited or damaged: a value changed or removed, the file cut
 * short or replaced by random bytes. {@code evaluate} then prints exactly what it printed for the
 * intact folder, or fails with one line and exit 2: never metrics of a different split, seed or
 * model presented as the run's.
 */
class RunJsonHostileProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Path dir;
  private static Path run;
  private static byte[] runJson;
  private static String evaluated;
  private static CliServices services;

  @BeforeContainer
  static void trainRun() throws IOException {
    dir = Files.createTempDirectory("rbmrec-hostile-runjson");
    run = dir.resolve("run");
    services = CliRun.services(data());
    CliRun trained = CliRun.run(services, "train", "grid", "--model", "bias", "--split",
        "random:0.2", "--valid", "0.1", "--seed", "5", "-q", "--out", run.toString());
    assertThat(trained.status()).as(trained.err()).isZero();
    runJson = Files.readAllBytes(run.resolve("run.json"));
    CliRun r = evaluate();
    assertThat(r.status()).as(r.err()).isZero();
    evaluated = r.out();
  }

  @AfterContainer
  static void deleteDir() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** 12 users × 10 items, every pair rated, levels from a simple pattern. */
  private static Dataset data() {
    int n = 120;
    int[] users = new int[n];
    int[] items = new int[n];
    byte[] levels = new byte[n];
    for (int x = 0; x < n; x++) {
      users[x] = x / 10;
      items[x] = x % 10;
      levels[x] = (byte) ((x / 10 * 3 + x % 10 * 7) % 5);
    }
    long[] userIds = new long[12];
    for (int u = 0; u < 12; u++) {
      userIds[u] = 1000 + u;
    }
    return Dataset.inMemory("grid", Ratings.of(users, items, levels, null,
        IdIndex.of("user", userIds), IdIndex.of("item", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        RatingScale.STARS_1_TO_5));
  }

  private static CliRun evaluate() {
    return CliRun.run(services, "evaluate", run.toString(), "--json", "-q");
  }

  private static void assertSameOrUserError() {
    CliRun r = evaluate();
    if (r.status() == ExitCode.OK) {
      assertThat(r.out()).isEqualTo(evaluated);
    } else {
      assertUserError(r);
    }
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return Arbitraries.of("null", "0", "1", "2", "5", "6", "-5", "5.0", "5.5", "1e30",
        "9223372036854775808", "0.1", "0.10000000000000002", "0.0", "0.5", "\"5\"", "\"0.1\"",
        "\"\"", "\"bias\"", "\"mf\"", "\"mean\"", "\"grid\"", "\"other\"", "\"random:0.2\"",
        "\"random:0.3\"", "\"u1\"", "\"temporal:0.2\"", "true", "[]", "{}", "[5]", "{\"a\":1}")
        .map(text -> {
          try {
            return MAPPER.readTree(text);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Property(tries = 60)
  void anEditedValueGivesTheSameMetricsOrAOneLineError(
      @ForAll @IntRange(min = 0, max = 1000) int which, @ForAll("values") JsonNode value,
      @ForAll boolean remove) throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(runJson);
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    String key = keys.get(which % keys.size());
    if (remove) {
      root.remove(key);
    } else {
      root.set(key, value);
    }
    Files.write(run.resolve("run.json"), MAPPER.writeValueAsBytes(root));
    try {
      assertSameOrUserError();
    } finally {
      Files.write(run.resolve("run.json"), runJson);
    }
  }

  @Property(tries = 30)
  void aDamagedRunJsonGivesTheSameMetricsOrAOneLineError(
      @ForAll @IntRange(min = 0, max = 1 << 16) int cut, @ForAll @Size(max = 100) byte[] random,
      @ForAll boolean truncate) throws IOException {
    byte[] bytes = truncate ? java.util.Arrays.copyOf(runJson, cut % runJson.length) : random;
    Files.write(run.resolve("run.json"), bytes);
    try {
      assertSameOrUserError();
    } finally {
      Files.write(run.resolve("run.json"), runJson);
    }
  }
}
