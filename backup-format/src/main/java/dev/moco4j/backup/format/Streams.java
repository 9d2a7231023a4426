package dev.moco4j.backup.format;

import java.io.IOException;
import java.io.InputStream;

/** Stream plumbing shared by the verifying readers. */
final class Streams {

  private Streams() {}

  /** Skips by reading, for streams that must see every byte (to digest or to verify it). */
  static long skipByReading(InputStream in, long n) throws IOException {
    byte[] scratch = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int got = in.read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (got < 0) {
        break;
      }
      skipped += got;
    }
    return skipped;
  }
}
