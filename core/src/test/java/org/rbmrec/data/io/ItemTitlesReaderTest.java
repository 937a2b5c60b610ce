package org.rbmrec.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.SharedData;
import org.rbmrec.data.movielens.MovieLensVariant.TitleFormat;

class ItemTitlesReaderTest {
  @TempDir Path dir;
  private final List<String> notices = new ArrayList<>();

  private ItemTitles read(byte[] bytes, TitleFormat format, String charset) throws IOException {
    Path path = dir.resolve("titles");
    Files.write(path, bytes);
    return ItemTitlesReader.read(path, format, java.nio.charset.Charset.forName(charset),
        notices::add);
  }

  @Test
  void readsTheRealMl100kItemFile() {
    ItemTitles titles = ItemTitlesReader.read(SharedData.ml100k().resolve("u.item"),
        TitleFormat.PIPE, StandardCharsets.ISO_8859_1, notices::add);
    assertThat(titles.size()).isEqualTo(1682);
    assertThat(titles.title(1)).contains("Toy Story (1995)");
    assertThat(titles.title(1682)).isPresent();
    assertThat(titles.title(1683)).isEmpty();
    assertThat(titles.titleOrNull(99_999)).isNull();
  }

  @Test
  void pipeFormatInLatin1DecodesAccents() throws IOException {
    byte[] bytes = "1|Café Society (1995)|01-Jan-1995||http://x|0|1\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    ItemTitles titles = read(bytes, TitleFormat.PIPE, "ISO-8859-1");
    assertThat(titles.title(1)).contains("Café Society (1995)");
    assertThat(notices).isEmpty();
  }

  @Test
  void doubleColonFormatKeepsTitleAndDropsGenres() throws IOException {
    byte[] bytes = "1::Toy Story (1995)::Animation|Children's|Comedy\r\n\n2::Jumanji (1995)::Adventure\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    ItemTitles titles = read(bytes, TitleFormat.DOUBLE_COLON, "ISO-8859-1");
    assertThat(titles.size()).isEqualTo(2);
    assertThat(titles.title(1)).contains("Toy Story (1995)");
    assertThat(titles.title(2)).contains("Jumanji (1995)");
  }

  @Test
  void csvFormatHandlesQuotedCommasAndDoubledQuotes() throws IOException {
    String csv = "movieId,title,genres\n"
        + "1,Toy Story (1995),Adventure|Animation\n"
        + "29,\"City of Lost Children, The (Cité des enfants perdus, La) (1995)\",Drama\n"
        + "3,\"Bird \"\"Yardbird\"\" Parker (1988)\",Drama\n";
    ItemTitles titles = read(csv.getBytes(StandardCharsets.UTF_8), TitleFormat.CSV, "UTF-8");
    assertThat(titles.title(29))
        .contains("City of Lost Children, The (Cité des enfants perdus, La) (1995)");
    assertThat(titles.title(3)).contains("Bird \"Yardbird\" Parker (1988)");
    assertThat(notices).isEmpty();
  }

  @Test
  void utf8DeclaredFileWithLatin1BytesFallsBackWithANotice() throws IOException {
    byte[] bytes = "movieId,title,genres\n7,Amélie (2001),Comedy\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    ItemTitles titles = read(bytes, TitleFormat.CSV, "UTF-8");
    assertThat(titles.title(7)).contains("Amélie (2001)");
    assertThat(notices).singleElement().asString().contains("not valid UTF-8")
        .contains("ISO-8859-1");
  }

  @Test
  void validUtf8IsDecodedStrictlyAsUtf8() throws IOException {
    byte[] bytes = "7::Amélie (2001)::Comedy\n8::Shichinin no samurai 七人の侍 (1954)::Drama\n"
        .getBytes(StandardCharsets.UTF_8);
    ItemTitles titles = read(bytes, TitleFormat.DOUBLE_COLON, "UTF-8");
    assertThat(titles.title(7)).contains("Amélie (2001)");
    assertThat(titles.title(8)).contains("Shichinin no samurai 七人の侍 (1954)");
    assertThat(notices).isEmpty();
  }

  @Test
  void nonIntegerIdNamesTheLine() {
    byte[] bytes = "1|A|x\nabc|B|y\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ItemTitlesReader.read(new ByteArrayInputStream(bytes), "u.item",
        TitleFormat.PIPE, StandardCharsets.ISO_8859_1, notices::add))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageStartingWith("u.item:2: expected an integer item id, found \"abc\"");
  }

  @Test
  void csvWithoutTitleColumnIsRejected() {
    byte[] bytes = "id,name\n1,A\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ItemTitlesReader.read(new ByteArrayInputStream(bytes),
        "movies.csv", TitleFormat.CSV, StandardCharsets.UTF_8, notices::add))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("movies.csv:1: expected a header naming columns movieId and title");
  }

  @Test
  void missingTitlesFileIsADataError() {
    assertThatThrownBy(() -> ItemTitlesReader.read(dir.resolve("none"), TitleFormat.CSV,
        StandardCharsets.UTF_8, notices::add))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("titles file not found");
  }

  @Test
  void laterTitleOfARepeatedIdWins() {
    ItemTitles titles = ItemTitles.of(new long[] {5, 3, 5}, new String[] {"a", "b", "c"});
    assertThat(titles.size()).isEqualTo(2);
    assertThat(titles.title(5)).contains("c");
    assertThat(titles.ids()).containsExactly(3, 5);
  }
}
