package dev.moco4j.backup.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Reads an object's stored bytes and, when they end, checks them against the size and SHA-256 the
 * manifest or binlog index recorded; a mismatch throws {@link ObjectIntegrityException} instead of
 * reporting the end, so a reader never takes a damaged object for a complete one.
 */
public final class Sha256Source extends FilterInputStream {

  private final String key;
  private final ObjectDigest expected;
  private final MessageDigest digest = Sha256.newDigest();
  private long size;
  private boolean verified;
  private ObjectIntegrityException failure;

  public Sha256Source(InputStream stored, String key, ObjectDigest expected) {
    super(stored);
    this.key = key;
    this.expected = expected;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      verify();
    } else {
      digest.update((byte) b);
      size++;
    }
    return b;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    int n = in.read(bytes, offset, length);
    if (n < 0) {
      verify();
    } else {
      digest.update(bytes, offset, n);
      size += n;
    }
    return n;
  }

  /** Skipped bytes must still be digested, so skipping reads them. */
  @Override
  public long skip(long n) throws IOException {
    return Streams.skipByReading(this, n);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void mark(int readLimit) {}

  @Override
  public void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  public String key() {
    return key;
  }

  /** Reads whatever is left, which verifies the object. */
  public void drain() throws IOException {
    skip(Long.MAX_VALUE);
  }

  private void verify() throws ObjectIntegrityException {
    if (failure != null) {
      throw failure;
    }
    if (verified) {
      return;
    }
    ObjectDigest actual = new ObjectDigest(size, Sha256.hex(digest));
    if (!actual.equals(expected)) {
      failure = new ObjectIntegrityException(key, expected, actual);
      throw failure;
    }
    verified = true;
  }
}
