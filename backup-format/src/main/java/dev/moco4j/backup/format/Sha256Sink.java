package dev.moco4j.backup.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes bytes on to a target while counting them and computing their SHA-256, so an upload learns
 * its object's size and digest without staging the object anywhere.
 */
public final class Sha256Sink extends FilterOutputStream {

  private final MessageDigest digest = Sha256.newDigest();
  private long size;
  private ObjectDigest result;

  public Sha256Sink(OutputStream target) {
    super(target);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    digest.update(bytes, offset, length);
    size += length;
  }

  /**
   * The size and SHA-256 of everything written; ends the digest, so call it after the last write.
   */
  public ObjectDigest digest() {
    if (result == null) {
      result = new ObjectDigest(size, Sha256.hex(digest));
    }
    return result;
  }
}
