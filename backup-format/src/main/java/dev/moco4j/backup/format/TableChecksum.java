package dev.moco4j.backup.format;

import java.security.MessageDigest;

/**
 * The checksum a manifest records per table: the lower-case hex SHA-256 of the table's rows in
 * {@link TsvWriter} encoding, in primary-key order, uncompressed.
 *
 * <p>Why not {@code CHECKSUM TABLE}: its value depends on the row format and server version, so a
 * restore into another version could not compare it. This one is independent of chunking (the
 * chunks in order are exactly that byte stream), so a restore can re-compute it twice: over the
 * decompressed chunks while loading them, and over the loaded table by selecting it in primary-key
 * order through the same writer and session settings, which catches rows the server changed or
 * dropped while loading.
 */
public final class TableChecksum {

  private final MessageDigest digest = Sha256.newDigest();
  private String hex;

  public void update(byte[] bytes, int offset, int length) {
    if (hex != null) {
      throw new IllegalStateException("the checksum is already finished");
    }
    digest.update(bytes, offset, length);
  }

  public void update(byte[] bytes) {
    update(bytes, 0, bytes.length);
  }

  /** Finishes the checksum; later calls return the same value. */
  public String hex() {
    if (hex == null) {
      hex = Sha256.hex(digest);
    }
    return hex;
  }
}
