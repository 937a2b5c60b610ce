package org.rbmrec.data.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Tiny zips shaped like the official MovieLens ones, built in memory. */
final class FakeMovieLens {
  static final String U_DATA = "1\t10\t5\t881250949\n1\t20\t3\t881250950\n2\t10\t4\t881250951\n";
  static final String U_ITEM =
      "10|Toy Story (1995)|01-Jan-1995||\n20|GoldenEye (1995)|01-Jan-1995||\n";

  private FakeMovieLens() {}

  /** A zip holding {@code ml-100k/}, {@code ml-100k/u.data} and {@code ml-100k/u.item}. */
  static byte[] ml100kZip() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("ml-100k/", null);
    entries.put("ml-100k/u.data", U_DATA);
    entries.put("ml-100k/u.item", U_ITEM);
    return zip(entries);
  }

  /** A zip of the given entries in order; a null content makes a directory entry. */
  static byte[] zip(Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zos = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zos.putNextEntry(new ZipEntry(e.getKey()));
        if (e.getValue() != null) {
          zos.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        zos.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The exact size and SHA-256 of {@code bytes}. */
  static ExpectedFile expected(byte[] bytes) {
    return new ExpectedFile(bytes.length, sha256(bytes));
  }

  static String sha256(byte[] bytes) {
    MessageDigest digest = Sha256.newDigest();
    digest.update(bytes);
    return Sha256.hex(digest);
  }
}
