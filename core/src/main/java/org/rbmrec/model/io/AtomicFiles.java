package org.rbmrec.model.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.rbmrec.data.DataException;

/**
 * Replaces a file all at once: the content goes to a temporary file in the same folder, which is
 * flushed to disk ({@code fsync}) and then renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. A failure or crash before the rename leaves the
 * previous file untouched, and the temporary file is removed on failure.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content of a file to a stream (which the caller closes). */
  @FunctionalInterface
  public interface Body {
    /** Writes everything to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code file} from {@code body} atomically.
   *
   * @throws DataException if the folder does not exist or the file cannot be written; a
   *     {@link RuntimeException} from {@code body} is rethrown as is; either way the previous
   *     file is intact
   */
  public static void write(Path file, Body body) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new DataException("cannot write " + file + ": folder " + dir + " does not exist");
    }
    Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(
        ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
    boolean created = false;
    boolean moved = false;
    try {
      // CREATE_NEW with the default permissions (the umask), unlike Files.createTempFile's 0600.
      FileChannel opened = FileChannel.open(temp, StandardOpenOption.WRITE,
          StandardOpenOption.CREATE_NEW);
      created = true;
      try (FileChannel channel = opened;
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      syncFolder(dir);
    } catch (FileAlreadyExistsException e) {
      throw new DataException("cannot write " + file + ": temporary file " + temp
          + " already exists", e);
    } catch (IOException e) {
      throw new DataException("cannot write " + file + ": " + describe(e), e);
    } finally {
      if (created && !moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The original failure matters more than a leftover temporary file.
        }
      }
    }
  }

  /** Flushes the folder entry of the rename to disk where the platform allows it. */
  private static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can open a folder as a channel (Windows); the rename still happened.
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
