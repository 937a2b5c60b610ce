package org.rbmrec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version shown by {@code --version}: the project version from the resource
 * {@code org/rbmrec/cli/version.properties} (filled in by the build), and the Java runtime.
 */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "rbmrec " + projectVersion(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
          + ")"
    };
  }

  /** The project version, such as "0.1.0-SNAPSHOT", or "unknown" if the resource is absent. */
  public static String projectVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
