package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertOkOrUserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rbmrec.cli.CliRun;
import org.rbmrec.cli.ExitCode;

/**
 * {@code plot} over hand-edited or damaged {@code metrics.csv} files (NaN, infinities, huge or
 * repeated epochs, missing fields, junk) and odd image sizes: a PNG or one line and exit 2.
 */
class PlotHostileProperties extends TempDirPerTry {
  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.of("1", "2", "3", "1", "0.9", "0.95", "", "NaN", "Infinity", "-Infinity",
        "1e308", "-1e308", "1e-320", "0", "-1", "2147483647", "2147483648", "x", " 1 ", "1.5");
  }

  @Property(tries = 25)
  void aDamagedMetricsFileGivesAPlotOrAOneLineError(
      @ForAll List<@net.jqwik.api.From("cells") String> cells,
      @ForAll boolean header, @ForAll("sizes") String width) throws IOException {
    StringBuilder text = new StringBuilder(header ? "epoch,seconds,train_rmse,valid_rmse\n" : "");
    for (int i = 0; i + 4 <= cells.size(); i += 4) {
      text.append(String.join(",", cells.subList(i, i + 4))).append('\n');
    }
    Path run = Files.createDirectory(dir.resolve("run"));
    Files.writeString(run.resolve("metrics.csv"), text);
    Path png = dir.resolve("curves.png");
    CliRun r = CliRun.run("plot", run.toString(), "--out", png.toString(), "--width", width,
        "-q");
    assertOkOrUserError(r);
    if (r.status() == ExitCode.OK) {
      assertThat(png).isRegularFile();
    }
  }

  @Provide
  Arbitrary<String> sizes() {
    return Arbitraries.of("900", "900", "900", "1", "0", "-5", "20000", "x");
  }
}
