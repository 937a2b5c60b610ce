package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertOkOrUserError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.rbmrec.cli.CliRun;
import org.rbmrec.cli.ExitCode;

/**
 * MovieLens-shaped input with hostile content, given by path to {@code data info}: an ml-100k
 * folder whose {@code u.data} and {@code u.item} are near-garbage, and an {@code ml-100k.zip}
 * that is damaged, cut short or holds such files. The result is the data or one line and exit 2.
 */
class MovieLensHostileProperties extends TempDirPerTry {
  private static final String U_DATA = "1\t10\t5\t881250949\n1\t20\t3\t881250950\n"
      + "2\t10\t4\t881250951\n";
  private static final String U_ITEM = "10|Toy Story (1995)|01-Jan-1995||\n"
      + "20|GoldenEye (1995)|01-Jan-1995||\n";

  @Provide
  Arbitrary<String> nearLines() {
    Arbitrary<String> token = Arbitraries.of("1", "10", "20", "5", "-1", "6", "0", "4.5", "\t",
        "\t", "|", "||", "\n", "\n", "\r\n", " ", "Toy Story", "\u00e9", "NaN", "x",
        "99999999999999999999");
    return token.list().ofMaxSize(25).map(parts -> String.join("", parts));
  }

  private static byte[] zip(String data, String item) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zos = new ZipOutputStream(bytes)) {
      zos.putNextEntry(new ZipEntry("ml-100k/"));
      zos.closeEntry();
      zos.putNextEntry(new ZipEntry("ml-100k/u.data"));
      zos.write(data.getBytes(StandardCharsets.UTF_8));
      zos.closeEntry();
      zos.putNextEntry(new ZipEntry("ml-100k/u.item"));
      zos.write(item.getBytes(StandardCharsets.ISO_8859_1));
      zos.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void assertInfoOkOrOneLine(Path path) {
    CliRun r = CliRun.shipped("data", "info", path.toString(), "-q");
    assertOkOrUserError(r);
    if (r.status() == ExitCode.USER) {
      assertThat(r.err()).contains(path.getFileName().toString());
    }
  }

  @Property(tries = 25)
  void aFolderWithGarbageFilesIsReadOrAOneLineError(
      @ForAll("nearLines") String data, @ForAll("nearLines") String item,
      @ForAll boolean garbleData) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("ml-100k"));
    Files.writeString(folder.resolve("u.data"), garbleData ? data : U_DATA);
    Files.writeString(folder.resolve("u.item"), garbleData ? U_ITEM : item,
        StandardCharsets.ISO_8859_1);
    assertInfoOkOrOneLine(folder);
  }

  @Property(tries = 20)
  void garbageOfficialSplitFilesTrainOrFailOnOneLine(
      @ForAll("nearLines") String test, @ForAll boolean garbleTest) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("ml-100k"));
    Files.writeString(folder.resolve("u.data"), U_DATA);
    Files.writeString(folder.resolve("u.item"), U_ITEM, StandardCharsets.ISO_8859_1);
    Files.writeString(folder.resolve("u1.test"), garbleTest ? test : "2\t10\t4\t881250951\n");
    Files.writeString(folder.resolve("u1.base"), garbleTest
        ? "1\t10\t5\t881250949\n1\t20\t3\t881250950\n" : test);
    CliRun r = CliRun.shipped("train", folder.toString(), "--split", "u1", "--model", "bias",
        "--valid", "0", "-q", "--out", dir.resolve("run").toString());
    assertOkOrUserError(r);
  }

  @Property(tries = 25)
  void aDamagedZipIsReadOrAOneLineError(
      @ForAll("nearLines") String data, @ForAll @IntRange(min = 0, max = 2) int how,
      @ForAll @IntRange(min = 0, max = 1 << 16) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
    byte[] bytes = switch (how) {
      case 0 -> zip(data, U_ITEM);
      case 1 -> java.util.Arrays.copyOf(zip(U_DATA, U_ITEM), position % 600);
      default -> {
        byte[] flipped = zip(U_DATA, U_ITEM);
        flipped[position % flipped.length] ^= (byte) mask;
        yield flipped;
      }
    };
    assertInfoOkOrOneLine(Files.write(dir.resolve("ml-100k.zip"), bytes));
  }
}
