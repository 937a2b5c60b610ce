package org.rbmrec.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;

class CsvRatingsWriterTest {
  @Test
  void writtenRatingsParseBackToTheSameValues(@TempDir Path dir) throws IOException {
    Ratings r = SyntheticRatings.generate(
        SyntheticConfig.ml20mShape().withShape(100, 80, 3_000, 10), Progress.NONE).ratings();
    Path csv = dir.resolve("ratings.csv");
    SyntheticRatings.write(r, csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("userId,movieId,rating,timestamp");
    assertThat(lines).hasSize(r.size() + 1);
    for (int i = 0; i < r.size(); i++) {
      String[] f = lines.get(i + 1).split(",");
      assertThat(Long.parseLong(f[0])).isEqualTo(r.userIds().rawId(r.user(i)));
      assertThat(Long.parseLong(f[1])).isEqualTo(r.itemIds().rawId(r.item(i)));
      assertThat(Double.parseDouble(f[2])).isEqualTo(r.value(i));
      assertThat(Long.parseLong(f[3])).isEqualTo(r.timestamp(i));
    }
  }

  @Test
  void ratingsAreWrittenLikeMl20m(@TempDir Path dir) throws IOException {
    Ratings r = Ratings.of(new int[] {0, 1}, new int[] {1, 0}, new byte[] {6, 9},
        new long[] {1_112_486_027L, -5}, IdIndex.of("user", 1, 70_000),
        IdIndex.of("item", 2, 131_262), RatingScale.HALF_STARS);
    Path csv = dir.resolve("ratings.csv");
    CsvRatingsWriter.write(r, csv, Progress.NONE);
    assertThat(Files.readAllLines(csv)).containsExactly(
        "userId,movieId,rating,timestamp", "1,131262,3.5,1112486027", "70000,2,5.0,-5");
  }

  @Test
  void ratingsWithoutTimestampsGetThreeColumns(@TempDir Path dir) throws IOException {
    Ratings r = Ratings.of(new int[] {0}, new int[] {0}, new byte[] {2}, null,
        IdIndex.of("user", 7), IdIndex.of("item", 9), RatingScale.STARS_1_TO_5);
    Path csv = dir.resolve("ratings.csv");
    CsvRatingsWriter.write(r, csv, Progress.NONE);
    assertThat(Files.readAllLines(csv)).containsExactly("userId,movieId,rating", "7,9,3.0");
  }
}
