package org.rbmrec.bench.librec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rbmrec.data.DataException;

/**
 * Runs LibRec 2.0.0's RBM, biased MF and SVD++ on official ml-100k folds and prints one JSON
 * object ({@link PeerReport}) on stdout. LibRec's own logging is turned off.
 *
 * <pre>
 * usage: LibRecMain [--data DIR] [--folds u1,u2,...] [--models rbm,mf,svdpp] [--seed N]
 *                   [--rbm-hidden F] [--rbm-epochs N] [--mf-factors K] [--mf-epochs N]
 *                   [--svdpp-factors K] [--svdpp-epochs N]
 * </pre>
 *
 * <p>Defaults: {@code --data} is {@code ml-100k} under the {@code rbmrec.sharedData} system
 * property, else {@code ../shared/data/ml-100k}; fold u1; all three models; seed 1; the settings
 * of {@link LibRecRbm#defaults()}, {@link LibRecBiasedMf#defaults()} and
 * {@link LibRecSvdPlusPlus#defaults()}.
 *
 * <p>From the clone's root, without installing anything:
 *
 * <pre>
 * mvn -o -q compile dependency:build-classpath -pl bench -am \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
 * java -cp bench/target/classes:core/target/classes:$(cat bench/target/cp.txt) \
 *     org.rbmrec.bench.librec.LibRecMain --data ../shared/data/ml-100k --folds u1
 * </pre>
 *
 * <p>Exit status: 0 on success; 2 for a usage or data error (one line on stderr); 1 if LibRec
 * fails.
 */
public final class LibRecMain {
  private static final List<String> MODEL_KEYS = List.of("rbm", "mf", "svdpp");

  private LibRecMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with {@code args}, printing the JSON to {@code out}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("librec bench: " + e.getMessage());
      return 2;
    }
    try {
      List<OfficialFold> folds = new ArrayList<>();
      for (String name : options.folds) {
        folds.add(OfficialFold.of(options.data, name));
      }
      LibRecRunner runner = new LibRecRunner(options.seed);
      PeerReport report = new PeerReport(options.seed, options.folds);
      for (LibRecModel model : options.models()) {
        for (OfficialFold fold : folds) {
          report.add(model.kind().key(), runner.run(model, fold));
        }
      }
      out.println(report.toJsonString());
      return 0;
    } catch (DataException e) {
      err.println("librec bench: " + e.getMessage());
      return 2;
    } catch (IllegalStateException e) {
      err.println("librec bench: " + e.getMessage());
      return 1;
    }
  }

  /** Parsed command line. */
  static final class Options {
    Path data = defaultData();
    List<String> folds = List.of("u1");
    List<String> modelKeys = MODEL_KEYS;
    long seed = 1;
    LibRecRbm rbm = LibRecRbm.defaults();
    LibRecBiasedMf mf = LibRecBiasedMf.defaults();
    LibRecSvdPlusPlus svdpp = LibRecSvdPlusPlus.defaults();

    static Options parse(String[] args) {
      Options o = new Options();
      for (int j = 0; j < args.length; j += 2) {
        String flag = args[j];
        if (!flag.startsWith("--")) {
          throw new IllegalArgumentException("expected an option such as --folds, got " + flag);
        }
        if (j + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String v = args[j + 1];
        switch (flag) {
          case "--data":
            o.data = Path.of(v);
            if (!Files.isDirectory(o.data)) {
              throw new IllegalArgumentException("--data " + v + " is not a folder");
            }
            break;
          case "--folds":
            o.folds = list(flag, v, OfficialFold.NAMES);
            break;
          case "--models":
            o.modelKeys = list(flag, v, MODEL_KEYS);
            break;
          case "--seed":
            o.seed = parseLong(flag, v);
            break;
          case "--rbm-hidden":
            o.rbm = o.rbm.withHiddenUnits(parseInt(flag, v));
            break;
          case "--rbm-epochs":
            o.rbm = o.rbm.withEpochs(parseInt(flag, v));
            break;
          case "--mf-factors":
            o.mf = o.mf.withFactors(parseInt(flag, v));
            break;
          case "--mf-epochs":
            o.mf = o.mf.withEpochs(parseInt(flag, v));
            break;
          case "--svdpp-factors":
            o.svdpp = o.svdpp.withFactors(parseInt(flag, v));
            break;
          case "--svdpp-epochs":
            o.svdpp = o.svdpp.withEpochs(parseInt(flag, v));
            break;
          default:
            throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      return o;
    }

    List<LibRecModel> models() {
      List<LibRecModel> models = new ArrayList<>();
      for (String key : modelKeys) {
        switch (key) {
          case "rbm":
            models.add(rbm);
            break;
          case "mf":
            models.add(mf);
            break;
          default:
            models.add(svdpp);
            break;
        }
      }
      return models;
    }

    private static Path defaultData() {
      String shared = System.getProperty("rbmrec.sharedData");
      Path base = shared != null ? Path.of(shared) : Path.of("..", "shared", "data");
      return base.resolve("ml-100k");
    }

    private static List<String> list(String flag, String value, List<String> allowed) {
      List<String> items = Arrays.asList(value.split(","));
      if (items.isEmpty() || !allowed.containsAll(items)
          || items.stream().distinct().count() != items.size()) {
        throw new IllegalArgumentException(
            flag + " must be distinct names from " + allowed + ", comma-separated, got " + value);
      }
      return List.copyOf(items);
    }

    private static int parseInt(String flag, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " must be an integer, got " + value);
      }
    }

    private static long parseLong(String flag, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " must be an integer, got " + value);
      }
    }
  }
}
