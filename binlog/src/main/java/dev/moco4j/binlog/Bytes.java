package dev.moco4j.binlog;

/** Little-endian integers, the byte order of every binlog field. */
final class Bytes {

  private Bytes() {}

  static long le(byte[] bytes, int offset, int width) {
    if (offset < 0 || offset + width > bytes.length) {
      throw new BinlogFormatException(
          "event too short: needs bytes "
              + offset
              + ".."
              + (offset + width)
              + " of "
              + bytes.length);
    }
    long value = 0;
    for (int i = width - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[offset + i] & 0xff);
    }
    return value;
  }

  static void putLe(byte[] bytes, int offset, int width, long value) {
    for (int i = 0; i < width; i++) {
      bytes[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
