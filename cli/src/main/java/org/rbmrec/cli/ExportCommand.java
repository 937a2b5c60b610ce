package org.rbmrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rbmrec.data.DataException;
import org.rbmrec.model.io.ModelExport;
import org.rbmrec.model.io.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rbmrec export RUN_DIR --format safetensors|npz [--out FILE]}: reads
 * {@code RUN_DIR/model.safetensors} and writes its arrays with plain names for Python (see
 * {@link ModelExport} and {@code docs/export.md}), by default to
 * {@code RUN_DIR/export.safetensors} or {@code RUN_DIR/export.npz}. With {@code --json} it
 * prints {@code {"path", "format", "model", "tensors": {name: shape}}}.
 */
@Command(
    name = "export",
    description = "Export a trained model's arrays for Python (numpy .npz or .safetensors).")
public final class ExportCommand implements Callable<Integer> {
  private static final String SAFETENSORS = "safetensors";
  private static final String NPZ = "npz";

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Parameters(paramLabel = "RUN_DIR", description = "A run folder holding "
      + ModelFiles.FILE_NAME + " (or the model file itself).")
  private Path runDir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "npz",
      description = "safetensors or npz (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "The file to write (default: RUN_DIR/export.safetensors or"
          + " RUN_DIR/export.npz).")
  private Path out;

  @Override
  public Integer call() {
    if (!format.equals(SAFETENSORS) && !format.equals(NPZ)) {
      throw new ParameterException(spec.commandLine(),
          "--format must be safetensors or npz, got '" + format + "'");
    }
    Path modelFile = modelFile();
    ModelFiles.Loaded loaded = ModelFiles.load(modelFile);
    Path folder = Files.isDirectory(runDir) ? runDir : modelFile.toAbsolutePath().getParent();
    Path target = out != null ? out : folder.resolve("export." + format);
    Map<String, long[]> tensors = format.equals(NPZ)
        ? ModelExport.exportNpz(loaded, target)
        : ModelExport.exportSafetensors(loaded, target);
    if (common.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("path", target.toAbsolutePath().toString());
      json.put("format", format);
      json.put("model", loaded.kind());
      json.put("tensors", tensors);
      JsonOutput.write(common.out(), json);
    } else {
      TablePrinter table = new TablePrinter("tensor", "shape");
      tensors.forEach((name, shape) -> table.row(name, shape(shape)));
      common.out().println("wrote " + target + " (" + format + ", " + loaded.kind()
          + " model, " + tensors.size() + " arrays)");
      table.print(common.out(), false);
      common.out().flush();
    }
    return ExitCode.OK;
  }

  private Path modelFile() {
    if (Files.isRegularFile(runDir)) {
      return runDir;
    }
    if (!Files.isDirectory(runDir)) {
      throw new DataException("run folder " + runDir + " does not exist");
    }
    Path file = runDir.resolve(ModelFiles.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new DataException("run folder " + runDir + " has no " + ModelFiles.FILE_NAME
          + " (train a model into it first)");
    }
    return file;
  }

  private static String shape(long[] shape) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%d", shape[i]));
    }
    return s.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
