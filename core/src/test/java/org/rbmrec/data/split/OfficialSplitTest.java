package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SharedData;

class OfficialSplitTest {
  private static final Ratings ALL = Ml100kFixture.all();

  @Test
  void u1HasTheOfficialSizesAndPairs() {
    Split split = OfficialSplit.load(ALL, SharedData.ml100k(), "u1");
    Ratings[] expected = Ml100kFixture.split("u1");
    assertThat(split.train().size()).isEqualTo(80_000);
    assertThat(split.test().size()).isEqualTo(20_000);
    assertThat(TestRatings.contents(split.train()))
        .containsExactly(TestRatings.contents(expected[0]));
    assertThat(TestRatings.contents(split.test()))
        .containsExactly(TestRatings.contents(expected[1]));
    assertThat(split.description()).isEqualTo("u1 (official ml-100k)");
  }

  @Test
  void uaHoldsOutExactlyTenRatingsPerUser() {
    Split split = SplitSpec.parse("ua").apply(ALL, SharedData.ml100k(), 0);
    assertThat(TestRatings.perUserCounts(split.test())).containsOnly(10);
    assertThat(split.test().size()).isEqualTo(9_430);
  }

  @Test
  void theFiveTestFilesPartitionTheData() {
    Ratings[] tests = new Ratings[5];
    for (int f = 0; f < 5; f++) {
      tests[f] = OfficialSplit.load(ALL, SharedData.ml100k(), "u" + (f + 1)).test();
    }
    assertThat(TestRatings.contents(tests)).containsExactly(TestRatings.contents(ALL));
  }

  @Test
  void aFolderHoldingTheMl100kFolderWorksToo() {
    Split split = OfficialSplit.load(ALL, SharedData.dataDir(), "ub");
    assertThat(split.test().size()).isEqualTo(9_430);
  }

  @Test
  void readsTheOfficialZipLayout(@TempDir Path dir) throws IOException {
    Path zip = dir.resolve("ml-100k.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String file : List.of("u2.test", "u2.base")) {
        out.putNextEntry(new ZipEntry("ml-100k/" + file));
        Files.copy(SharedData.ml100k().resolve(file), (OutputStream) out);
        out.closeEntry();
      }
    }
    Split fromZip = OfficialSplit.load(ALL, zip, "u2");
    Split fromFolder = OfficialSplit.load(ALL, SharedData.ml100k(), "u2");
    assertThat(TestRatings.contents(fromZip.test()))
        .containsExactly(TestRatings.contents(fromFolder.test()));
  }

  @Test
  void aTestLineWithADifferentRatingIsRejectedWithFileAndLine(@TempDir Path dir)
      throws IOException {
    copySplit(dir, "u1");
    List<String> lines = Files.readAllLines(dir.resolve("u1.test"));
    String[] f = lines.get(4).split("\t");
    int changed = Integer.parseInt(f[2]) % 5 + 1;
    lines.set(4, f[0] + "\t" + f[1] + "\t" + changed + "\t" + f[3]);
    Files.write(dir.resolve("u1.test"), lines);
    assertThatThrownBy(() -> OfficialSplit.load(ALL, dir, "u1"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("u1.test:5:")
        .hasMessageContaining("differs from the full set");
  }

  @Test
  void aTestPairMissingFromTheFullSetIsRejected(@TempDir Path dir) throws IOException {
    copySplit(dir, "u1");
    Files.writeString(dir.resolve("u1.test"), "1\t99999\t3\t874965758\n");
    assertThatThrownBy(() -> OfficialSplit.load(ALL, dir, "u1"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("never rated item 99999");
  }

  @Test
  void aBaseFileOfTheWrongLengthIsRejected(@TempDir Path dir) throws IOException {
    copySplit(dir, "u3");
    List<String> base = Files.readAllLines(dir.resolve("u3.base"));
    Files.write(dir.resolve("u3.base"), base.subList(0, base.size() - 1));
    assertThatThrownBy(() -> OfficialSplit.load(ALL, dir, "u3"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("79999 lines")
        .hasMessageContaining("leaves 80000 ratings");
  }

  @Test
  void aMissingFolderIsADataException(@TempDir Path dir) {
    assertThatThrownBy(() -> OfficialSplit.load(ALL, dir.resolve("nowhere"), "u1"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("does not exist");
  }

  private static void copySplit(Path dir, String name) throws IOException {
    for (String ext : List.of(".test", ".base")) {
      Files.copy(SharedData.ml100k().resolve(name + ext), dir.resolve(name + ext));
    }
  }
}
