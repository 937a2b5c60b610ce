package org.rbmrec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.rbmrec.cli.CliServices;
import org.rbmrec.cli.Main;

/** {@code rbmrec spark-als} refuses bad options with one line before starting Spark. */
class SparkAlsCommandTest {
  @Test
  void anUnknownSparkModeIsAUserError() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status = Main.runTree(new SparkAlsCommand(CliServices.defaults()),
        new String[] {"no-such-data", "--spark-mode", "fast"}, new PrintWriter(out),
        new PrintWriter(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().trim())
        .isEqualTo("rbmrec: error: --spark-mode must be exact or summed, got fast");
  }

  @Test
  void aZeroRankIsAUserError() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status = Main.runTree(new SparkAlsCommand(CliServices.defaults()),
        new String[] {"no-such-data", "--rank", "0"}, new PrintWriter(out), new PrintWriter(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("rank must be in [1, 10000], got 0");
  }
}
