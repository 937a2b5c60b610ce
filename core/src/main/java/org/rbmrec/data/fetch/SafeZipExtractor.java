package org.rbmrec.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.rbmrec.data.DataException;
import org.rbmrec.data.io.ZipEntryInput;
import org.rbmrec.progress.Progress;

/**
 * Extracts a zip into a folder safely and atomically.
 *
 * <p>Safety: every entry name is checked before anything is written. A name is rejected when it
 * is absolute ({@code /tmp/evil}), names a drive ({@code C:…}) or contains a colon, contains a
 * backslash or NUL, has a {@code ..} segment, or resolves outside the target for any other reason;
 * symbolic links (Unix zips) are rejected too. Entries are read through the central directory and
 * written with {@code CREATE_NEW}, so a duplicate name fails instead of overwriting. The number of
 * entries and the bytes actually written are capped by {@link Limits} (a zip-bomb guard).
 *
 * <p>Atomicity: entries go into a temporary sibling folder ({@code <target>.part-<random>}),
 * which is renamed onto the target only when everything is written; on any failure the temporary
 * folder is removed and the target is not created. Rejections and failures are
 * {@link DataException}s that name the zip and, where there is one, the entry.
 */
public final class SafeZipExtractor {
  private static final int BUFFER_BYTES = 1 << 16;

  /**
   * Caps against zip bombs.
   *
   * @param maxTotalBytes the most bytes all entries together may uncompress to, > 0
   * @param maxEntries the most entries the zip may hold, > 0
   */
  public record Limits(long maxTotalBytes, int maxEntries) {
    public Limits {
      if (maxTotalBytes <= 0) {
        throw new IllegalArgumentException("maxTotalBytes must be > 0, got " + maxTotalBytes);
      }
      if (maxEntries <= 0) {
        throw new IllegalArgumentException("maxEntries must be > 0, got " + maxEntries);
      }
    }

    /** 16 GiB and 100 000 entries: far above any MovieLens release (ml-latest is under 2 GB). */
    public static Limits defaults() {
      return new Limits(16L << 30, 100_000);
    }
  }

  private final Limits limits;

  public SafeZipExtractor(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** An extractor with {@link Limits#defaults()}. */
  public static SafeZipExtractor defaults() {
    return new SafeZipExtractor(Limits.defaults());
  }

  /** The caps in use. */
  public Limits limits() {
    return limits;
  }

  /**
   * Extracts every entry of {@code zip} into {@code target}, which must not exist yet.
   *
   * @param progress receives the uncompressed bytes written (unit "B")
   * @return {@code target}
   */
  public Path extract(Path zip, Path target, Progress progress) {
    return extract(zip, null, target, progress);
  }

  /**
   * Extracts the entries of {@code zip} under the top folder {@code folder} into {@code target},
   * without that folder: {@code ml-100k/u.data} becomes {@code target/u.data}. Entries elsewhere
   * are checked for safety but not written. {@code target} must not exist yet.
   *
   * @param folder the top folder inside the zip, such as "ml-100k", or null for every entry
   * @param progress receives the uncompressed bytes written (unit "B")
   * @return {@code target}
   */
  public Path extract(Path zip, String folder, Path target, Progress progress) {
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(progress, "progress");
    if (folder != null && (folder.isEmpty() || problem(folder) != null || folder.contains("/"))) {
      throw new IllegalArgumentException("folder must be a single plain name, got \"" + folder
          + "\"");
    }
    Path dest = target.toAbsolutePath().normalize();
    if (Files.exists(dest)) {
      throw new DataException("cannot extract " + zip + " into " + dest + ": it already exists");
    }
    Path parent = dest.getParent();
    Path temp;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempDirectory(parent, dest.getFileName() + ".part-");
    } catch (IOException e) {
      throw new DataException("cannot create a folder in " + parent + ": " + e.getMessage(), e);
    }
    boolean done = false;
    try {
      extractInto(zip, folder, temp, progress);
      try {
        Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        throw new DataException("cannot extract " + zip + " into " + dest
            + ": it appeared meanwhile", e);
      }
      done = true;
      return dest;
    } catch (ZipException e) {
      throw new DataException(zip + " is not a readable zip (" + e.getMessage()
          + "); delete it and fetch it again", e);
    } catch (IOException e) {
      throw new DataException("cannot extract " + zip + " into " + dest + ": " + e, e);
    } finally {
      if (!done) {
        deleteTree(temp);
      }
    }
  }

  private void extractInto(Path zip, String folder, Path temp, Progress progress)
      throws IOException {
    Set<String> links = ZipSymlinks.find(zip);
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      if (zf.size() > limits.maxEntries()) {
        throw new DataException(zip + " has " + zf.size() + " entries, more than the limit of "
            + limits.maxEntries());
      }
      long declared = 0;
      for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
        ZipEntry entry = en.nextElement();
        String why = problem(entry.getName());
        if (why == null && links.contains(entry.getName())) {
          why = "is a symbolic link";
        }
        if (why != null) {
          throw rejected(zip, entry, why);
        }
        declared = entry.getSize() >= 0 && declared >= 0 ? declared + entry.getSize() : -1;
      }
      progress.start("extracting " + zip.getFileName(), declared, "B");
      try {
        String prefix = folder == null ? "" : folder + "/";
        long[] written = {0};
        byte[] buffer = new byte[BUFFER_BYTES];
        for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
          if (Thread.currentThread().isInterrupted()) {
            throw new DataException("extraction of " + zip + " interrupted");
          }
          ZipEntry entry = en.nextElement();
          String name = entry.getName();
          if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            continue;
          }
          Path out = temp.resolve(name.substring(prefix.length())).normalize();
          if (!out.startsWith(temp) || out.equals(temp)) {
            throw rejected(zip, entry, "resolves outside the target folder");
          }
          if (entry.isDirectory()) {
            Files.createDirectories(out);
          } else {
            Files.createDirectories(out.getParent());
            copy(zf, entry, out, zip, written, buffer, progress);
          }
        }
      } finally {
        progress.finish();
      }
    }
  }

  private void copy(ZipFile zf, ZipEntry entry, Path out, Path zip, long[] written,
      byte[] buffer, Progress progress) throws IOException {
    try (InputStream in = ZipEntryInput.open(zf, entry);
        OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        written[0] += n;
        if (written[0] > limits.maxTotalBytes()) {
          throw new DataException(zip + " uncompresses to more than the limit of "
              + limits.maxTotalBytes() + " bytes (at entry \"" + entry.getName() + "\")");
        }
        os.write(buffer, 0, n);
        progress.advance(n);
      }
    } catch (FileAlreadyExistsException e) {
      throw rejected(zip, entry, "appears twice");
    }
  }

  private static DataException rejected(Path zip, ZipEntry entry, String why) {
    return new DataException("unsafe entry \"" + entry.getName() + "\" in " + zip + ": it " + why
        + "; nothing was extracted");
  }

  /**
   * Why an entry name is unsafe, or null when it is a plain relative path.
   *
   * @param name a zip entry name, '/'-separated
   */
  static String problem(String name) {
    if (name.isEmpty()) {
      return "has an empty name";
    }
    if (name.indexOf('\0') >= 0) {
      return "contains a NUL character";
    }
    if (name.indexOf('\\') >= 0) {
      return "contains a backslash";
    }
    if (name.startsWith("/")) {
      return "is an absolute path";
    }
    if (name.indexOf(':') >= 0) {
      return "names a drive or contains ':'";
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        return "climbs out of the target with '..'";
      }
    }
    return null;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException ignored) {
      // Best effort: the folder's name ends in .part-<random>, so it never looks like data.
    }
  }
}
