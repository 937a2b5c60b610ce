package org.rbmrec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.rbmrec.data.UnknownIdException;
import org.rbmrec.data.io.ItemTitles;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.io.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec recommend RUN_DIR --user ID [-n 10]}: the n items the user has not rated in
 * training with the highest expected rating, best first, with titles when the data has them.
 * With {@code --json}: {@code {"user": ID, "items": [{"item": RAW_ID, "title": …, "score": …},
 * …]}}; {@code score} is the expected rating and {@code title} is null when unknown. An unknown
 * user id is a user error.
 */
@Command(
    name = "recommend",
    description = "List the top-n unrated items of a user, with titles and expected ratings.")
public final class RecommendCommand implements Callable<Integer> {
  @Mixin
  private CommonOptions common;

  @Parameters(paramLabel = "RUN_DIR", description = "A folder written by rbmrec train.")
  private Path runDir;

  @Option(names = "--user", paramLabel = "ID", required = true,
      description = "The user's id as it appears in the data files.")
  private long user;

  @Option(names = {"-n", "--top"}, paramLabel = "N", defaultValue = "10",
      description = "How many items (default: ${DEFAULT-VALUE}).")
  private int n;

  @Option(names = "--no-titles",
      description = "Do not load the data set for titles (faster; titles are null).")
  private boolean noTitles;

  private final CliServices services;

  RecommendCommand(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public Integer call() {
    if (n < 1) {
      throw new IllegalArgumentException("-n must be ≥ 1, got " + n);
    }
    TrainedRun run = TrainedRun.open(runDir);
    ModelFiles.Loaded loaded = run.model();
    int userIndex = loaded.users().indexOrMinusOne(user);
    if (userIndex < 0) {
      throw new UnknownIdException("user", user);
    }
    ItemTitles titles = ItemTitles.empty();
    if (!noTitles) {
      Dataset dataset = run.openData(services.datasets(), common.dataDir(), common.progress());
      titles = dataset.titles();
    }
    TopItems top = loaded.model().recommend(userIndex, n, true);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int r = 0; r < top.size(); r++) {
      long rawItem = loaded.items().rawId(top.items()[r]);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("item", rawItem);
      item.put("title", titles.titleOrNull(rawItem));
      item.put("score", top.scores()[r]);
      items.add(item);
    }
    if (common.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("user", user);
      json.put("items", items);
      JsonOutput.write(common.out(), json);
    } else {
      TablePrinter table = new TablePrinter("rank", "item", "title", "expected rating");
      for (int r = 0; r < items.size(); r++) {
        Map<String, Object> item = items.get(r);
        Object title = item.get("title");
        table.row(Integer.toString(r + 1), item.get("item").toString(),
            title == null ? "" : title.toString(),
            String.format(Locale.ROOT, "%.3f", (Double) item.get("score")));
      }
      common.out().println("top " + items.size() + " for user " + user + " (" + run.modelName()
          + "):");
      table.print(common.out(), false);
      common.out().flush();
    }
    return ExitCode.OK;
  }
}
