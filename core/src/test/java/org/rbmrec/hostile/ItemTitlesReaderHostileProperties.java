package org.rbmrec.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.io.ItemTitles;
import org.rbmrec.data.io.ItemTitlesReader;
import org.rbmrec.data.movielens.MovieLensVariant.TitleFormat;

/**
 * Random bytes and near-title text in each MovieLens titles layout: the reader returns titles
 * (each id once, in order) or fails with a {@link DataException} naming the source and, for a
 * bad line, its number.
 */
class ItemTitlesReaderHostileProperties {
  private static final String SOURCE = "movies.hostile";

  private static void assertTitlesOrClearError(byte[] bytes, TitleFormat format,
      Charset charset) {
    List<String> notices = new ArrayList<>();
    ItemTitles titles;
    try {
      titles = ItemTitlesReader.read(new ByteArrayInputStream(bytes), SOURCE, format, charset,
          notices::add);
    } catch (DataException e) {
      assertThat(e.getMessage()).startsWith(SOURCE);
      if (e instanceof MalformedDataException m) {
        assertThat(m.lineNumber()).isPositive();
        assertThat(e.getMessage()).startsWith(SOURCE + ":" + m.lineNumber() + ": ");
      }
      return;
    }
    long[] ids = titles.ids();
    for (int i = 1; i < ids.length; i++) {
      assertThat(ids[i]).isGreaterThan(ids[i - 1]);
    }
    for (int i = 0; i < ids.length; i++) {
      assertThat(titles.titleOrNull(ids[i])).isEqualTo(titles.titleAt(i));
    }
    assertThat(notices).allMatch(n -> n.startsWith(SOURCE));
  }

  @Property(tries = 150)
  void randomBytesGiveTitlesOrAClearError(@ForAll @Size(max = 300) byte[] bytes,
      @ForAll TitleFormat format, @ForAll boolean utf8) {
    assertTitlesOrClearError(bytes, format,
        utf8 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII);
  }

  @Provide
  Arbitrary<String> nearTitles() {
    Arbitrary<String> token = Arbitraries.of("1", "2", "42", "-3", "99999999999999999999", "|",
        "::", ":", ",", "\"", "\"\"", "Toy Story (1995)", "movieId", "title", "genres", "\n",
        "\n", "\r\n", " ", "\u00e9", "\uFEFF", "x");
    return token.list().ofMaxSize(30).map(parts -> String.join("", parts));
  }

  @Property(tries = 200)
  void nearTitleTextGivesTitlesOrAClearError(@ForAll("nearTitles") String text,
      @ForAll TitleFormat format) {
    assertTitlesOrClearError(text.getBytes(StandardCharsets.UTF_8), format,
        StandardCharsets.UTF_8);
  }
}
