package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertOkOrUserError;
import static org.rbmrec.cli.hostile.CliOutcome.assertUserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import org.rbmrec.cli.ExitCode;

/**
 * Hostile input through the command line, as a user would meet it: garbage ratings files given
 * to {@code data info}, {@code train} and {@code evaluate --test}, model files replaced by random
 * or damaged bytes, and unknown or impossible user ids at {@code recommend}. Every run either
 * succeeds or fails with exit 2 and exactly one line on stderr, never an internal error or a stack
 * trace.
 */
class CliHostileInputProperties {
  private static Path dir;
  private static Path run;
  private static byte[] model;
  private static int counter;

  @BeforeContainer
  static void trainTinyRun() throws IOException {
    dir = Files.createTempDirectory("rbmrec-hostile-cli");
    run = dir.resolve("run");
    CliRun r = CliRun.run("train", "tiny", "--model", "bias", "--split", "random:0.3",
        "--valid", "0", "-q", "--out", run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    model = Files.readAllBytes(run.resolve("model.safetensors"));
  }

  @AfterContainer
  static void deleteDir() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Path freshFile(String name, byte[] content) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("try-" + counter++));
    return Files.write(folder.resolve(name), content);
  }

  @Provide
  Arbitrary<String> nearRatings() {
    Arbitrary<Character> ch = Arbitraries.of('0', '1', '2', '3', '4', '5', '9', ',', ',', '\t',
        ' ', ':', ';', '.', '-', 'e', 'N', 'a', 'n', '\n', '\n', '\n', '\r', '\u00e9', '\u0085',
        '\u2028', '\u000b', 'x');
    return ch.list().ofMaxSize(120).map(chars -> {
      StringBuilder sb = new StringBuilder();
      chars.forEach(sb::append);
      return sb.toString();
    });
  }

  @Property(tries = 40)
  void garbageRatingsFilesAreOneLineUserErrorsInDataInfo(@ForAll("nearRatings") String text)
      throws IOException {
    Path file = freshFile("ratings.csv", text.getBytes(StandardCharsets.UTF_8));
    CliRun r = CliRun.shipped("data", "info", file.toString(), "-q");
    assertOkOrUserError(r);
    if (r.status() == ExitCode.USER) {
      assertThat(r.err()).contains(file.toString());
    }
  }

  @Property(tries = 20)
  void randomBytesAsRatingsAreOneLineUserErrorsInTrain(@ForAll @Size(max = 300) byte[] bytes)
      throws IOException {
    Path file = freshFile("ratings.dat", bytes);
    Path out = file.resolveSibling("run");
    CliRun r = CliRun.shipped("train", file.toString(), "--model", "mean", "--split",
        "random:0.5", "--valid", "0", "-q", "--out", out.toString());
    assertOkOrUserError(r);
  }

  @Property(tries = 30)
  void garbageTestFilesAreOneLineUserErrorsInEvaluate(@ForAll("nearRatings") String text)
      throws IOException {
    Path file = freshFile("test.csv", text.getBytes(StandardCharsets.UTF_8));
    CliRun r = CliRun.run("evaluate", run.toString(), "--test", file.toString(), "-q");
    assertOkOrUserError(r);
  }

  @Property(tries = 30)
  void aDamagedModelFileIsAOneLineUserErrorForEveryCommandThatReadsIt(
      @ForAll @IntRange(min = 0, max = 2) int how,
      @ForAll @IntRange(min = 0, max = 1 << 20) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask,
      @ForAll @Size(max = 200) byte[] random) throws IOException {
    byte[] bytes = switch (how) {
      case 0 -> random;
      case 1 -> java.util.Arrays.copyOf(model, position % model.length);
      default -> {
        byte[] flipped = model.clone();
        flipped[position % flipped.length] ^= (byte) mask;
        yield flipped;
      }
    };
    Path modelFile = run.resolve("model.safetensors");
    Files.write(modelFile, bytes);
    try {
      for (String[] args : new String[][] {
          {"evaluate", run.toString(), "-q"},
          {"recommend", run.toString(), "--user", "7", "--no-titles", "-q"},
          {"export", run.toString(), "--out", dir.resolve("export.npz").toString(), "-q"}}) {
        CliRun r = CliRun.run(args);
        if (r.status() == ExitCode.OK) { // a padding space turned into other JSON whitespace
          continue;
        }
        assertUserError(r);
        assertThat(r.err()).as(args[0]).contains(modelFile.toString());
      }
    } finally {
      Files.write(modelFile, model);
    }
  }

  @Provide
  Arbitrary<String> scales() {
    return Arbitraries.of("1:5:1", "0.5:5:0.5", "1:5:0", "1:5:-1", "5:1:1", "NaN:5:1",
        "1:Infinity:1", "1:5:1e-300", "0:126:1", "0:127:1", "-1e308:1e308:1e-308", "1:5",
        "a:b:c", "1:5:1:1", "", "3:3:1", "1:5:4", "1:5:3");
  }

  @Provide
  Arbitrary<String> columns() {
    return Arbitraries.of("0,1,2", "0,1,2,3", "2,1,0", "0,0,1", "0,1", "0,1,2,3,4", "-1,1,2",
        "0,1,64", "0,1,63", "a,b,c", "0,1,2147483648", " 0, 1, 2");
  }

  @Property(tries = 40)
  void oddReaderFlagsAreOneLineUserErrorsOrRead(@ForAll("scales") String scale,
      @ForAll("columns") String columns, @ForAll boolean withScale) throws IOException {
    Path file = freshFile("flags.csv", "1,1,3,100\n2,2,4,101\n3,1,5,102\n"
        .getBytes(StandardCharsets.UTF_8));
    CliRun r = withScale
        ? CliRun.shipped("data", "info", file.toString(), "--rating-scale", scale, "-q")
        : CliRun.shipped("data", "info", file.toString(), "--columns", columns, "-q");
    assertOkOrUserError(r);
  }

  @Provide
  Arbitrary<String> userIds() {
    return Arbitraries.oneOf(
        Arbitraries.longs().filter(id -> id < 7 || id > 9).map(id -> Long.toString(id)),
        Arbitraries.of("9223372036854775808", "-9223372036854775809", "1e3", "7.0", "", "seven",
            "0x7", "99999999999999999999999"));
  }

  @Property(tries = 25)
  void anUnknownOrImpossibleUserAtRecommendIsAOneLineUserError(@ForAll("userIds") String id) {
    CliRun r = CliRun.run("recommend", run.toString(), "--user", id, "-q");
    assertUserError(r);
    assertThat(r.err()).containsAnyOf("unknown user id " + id, "--user");
  }
}
