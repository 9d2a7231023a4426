package dev.moco4j.backup.format;

import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decompresses a stored object written by {@link ZstdObjectOutputStream} and checks the stored
 * bytes against their recorded size and SHA-256 before reporting the end of the data.
 *
 * <p>Damage shows as {@link ObjectIntegrityException} (or {@link BackupFormatException} when the
 * recorded digest matches but the bytes are still not zstd), each naming the object's key. A reader
 * that closes before the end gets no verdict.
 */
public final class ZstdObjectInputStream extends FilterInputStream {

  private final Sha256Source stored;

  public ZstdObjectInputStream(InputStream storedBytes, String key, ObjectDigest expected)
      throws IOException {
    this(new Sha256Source(storedBytes, key, expected));
  }

  private ZstdObjectInputStream(Sha256Source stored) throws IOException {
    super(new ZstdInputStream(stored));
    this.stored = stored;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    int n;
    try {
      n = in.read(bytes, offset, length);
    } catch (ZstdIOException e) {
      // Most likely the stored bytes are damaged: reading them to the end names that precisely.
      stored.drain();
      throw new BackupFormatException(
          keyOf(), keyOf() + " is not a valid zstd stream: " + e.getMessage(), e);
    }
    if (n < 0) {
      // zstd may stop at the end of its last frame without asking for the source's end.
      stored.drain();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return Streams.skipByReading(this, n);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private String keyOf() {
    return stored.key();
  }
}
