package dev.moco4j.backup.format;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Compresses what is written to it with zstd into a target (e.g. an upload), and knows the size and
 * SHA-256 of the compressed bytes once closed: the numbers the manifest records for the object.
 *
 * <p>Closing closes the target. The zstd frames carry their own content checksum too, so damage is
 * also noticed by a plain {@code zstd -d}.
 */
public final class ZstdObjectOutputStream extends FilterOutputStream {

  /**
   * zstd's default level: fast enough to keep up with a dump, most of the gain of higher levels.
   */
  static final int LEVEL = 3;

  private final Sha256Sink stored;
  private long uncompressedSize;
  private boolean closed;

  public ZstdObjectOutputStream(OutputStream target) throws IOException {
    this(new Sha256Sink(target));
  }

  private ZstdObjectOutputStream(Sha256Sink stored) throws IOException {
    super(new ZstdOutputStream(stored, LEVEL).setChecksum(true));
    this.stored = stored;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    uncompressedSize++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    uncompressedSize += length;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }

  /** The compressed object's size and SHA-256; only known once the stream is closed. */
  public ObjectDigest stored() {
    if (!closed) {
      throw new IllegalStateException("the object is complete only once the stream is closed");
    }
    return stored.digest();
  }

  /** Bytes written before compression. */
  public long uncompressedSize() {
    return uncompressedSize;
  }
}
