package org.rbmrec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.cli.JsonOutput;
import org.rbmrec.cli.Main;

/** {@code rbmrec train --spark local[2] --json} writes what a single-machine run writes. */
class SparkTrainCommandTest {
  @TempDir
  Path dir;

  private JsonNode train(String name, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("train", "ml-100k", "--data-dir",
        Ml100k.folder().getParent().toString(), "--model", "rbm", "--hidden",
        "10", "--threads", "2", "--json", "-q"));
    args.addAll(List.of(extra));
    if (!args.contains("--resume")) {
      args.addAll(List.of("--out", dir.resolve(name).toString()));
    }
    if (!args.contains("--epochs")) {
      args.addAll(List.of("--epochs", "2"));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args.toArray(new String[0]), new PrintWriter(out),
        new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
    return JsonOutput.mapper().readTree(out.toString());
  }

  @Test
  void aSparkRunReportsTheSingleMachineRunsKeysAndMetricsExactly() throws Exception {
    JsonNode local = train("local");
    JsonNode spark = train("spark", "--spark", "local[2]");

    List<String> localKeys = new ArrayList<>();
    local.fieldNames().forEachRemaining(localKeys::add);
    List<String> sparkKeys = new ArrayList<>();
    spark.fieldNames().forEachRemaining(sparkKeys::add);
    assertThat(sparkKeys).isEqualTo(localKeys);
    assertThat(spark.get("epochs").asInt()).isEqualTo(2);
    assertThat(spark.get("n_test").asInt()).isEqualTo(local.get("n_test").asInt());
    assertThat(spark.get("rmse").asDouble()).isEqualTo(local.get("rmse").asDouble());
    assertThat(spark.get("ndcg").asDouble()).isEqualTo(local.get("ndcg").asDouble());
    assertThat(dir.resolve("spark").resolve("model.safetensors")).isNotEmptyFile();
    assertThat(JsonOutput.mapper().readTree(dir.resolve("spark").resolve("run.json").toFile())
        .get("spark").asText()).isEqualTo("local[2]");
  }

  @Test
  void aSparkRunWritesCheckpointsAndResumesToTheSingleMachineResult() throws Exception {
    JsonNode straight = train("straight");
    train("resumed", "--spark", "local[2]", "--epochs", "1");
    assertThat(dir.resolve("resumed").resolve("checkpoint.safetensors")).isNotEmptyFile();

    JsonNode resumed = train("resumed", "--spark", "local[2]", "--resume",
        dir.resolve("resumed").toString());

    assertThat(resumed.get("epochs").asInt()).isEqualTo(2);
    assertThat(resumed.get("rmse").asDouble()).isEqualTo(straight.get("rmse").asDouble());
  }

  @Test
  void sparkRefusesAModelThatIsNotAnRbmBeforeReadingData() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"train", "no-such-data", "--model", "mf", "--spark",
        "local[2]", "--out", dir.resolve("mf").toString()}, new PrintWriter(out),
        new PrintWriter(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--spark trains the RBM models only");
    assertThat(dir.resolve("mf")).doesNotExist();
  }

  @Test
  void aMalformedMasterIsAUserErrorBeforeReadingData() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"train", "no-such-data", "--model", "rbm", "--spark",
        "nowhere", "--out", dir.resolve("bad").toString()}, new PrintWriter(out),
        new PrintWriter(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().trim()).startsWith("rbmrec: error: 'nowhere' is not a Spark master");
    assertThat(dir.resolve("bad")).doesNotExist();
  }
}
