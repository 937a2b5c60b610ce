package org.rbmrec.data.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ZipEntryNameProperties {
  private static final Path TARGET = Path.of("target-root").toAbsolutePath();

  @Provide
  Arbitrary<String> entryNames() {
    Arbitrary<String> segment =
        Arbitraries.of("a", "b.txt", "..", ".", "", "C:", "x\\..", "...", "..a");
    Arbitrary<String> relative = segment.list().ofMinSize(1).ofMaxSize(6)
        .map(parts -> String.join("/", parts));
    return Arbitraries.oneOf(relative, relative.map(s -> "/" + s));
  }

  @Property
  void acceptedNamesStayInsideTheTarget(@ForAll("entryNames") String name) {
    if (SafeZipExtractor.problem(name) == null) {
      assertThat(TARGET.resolve(name).normalize()).startsWithRaw(TARGET);
    }
  }

  @Property
  void namesWithADotDotSegmentAreRejected(@ForAll("entryNames") String name) {
    if (List.of(name.split("/", -1)).contains("..")) {
      assertThat(SafeZipExtractor.problem(name)).isNotNull();
    }
  }
}
