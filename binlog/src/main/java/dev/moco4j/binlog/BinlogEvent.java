package dev.moco4j.binlog;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * One binlog event as stored in a file or sent by a source: the 19-byte common header, the body
 * and, when the binlog is checksummed ({@code binlog_checksum=CRC32}), a trailing CRC32 of all that
 * precedes it. Immutable: the rewriting methods return copies.
 */
public final class BinlogEvent {

  public static final int HEADER_LENGTH = 19;
  public static final int CHECKSUM_LENGTH = 4;

  /**
   * {@code LOG_EVENT_BINLOG_IN_USE_F}: set in the first event of a file the server still writes.
   */
  static final int BINLOG_IN_USE_FLAG = 0x1;

  private static final int TYPE_OFFSET = 4;
  private static final int SERVER_ID_OFFSET = 5;
  private static final int LENGTH_OFFSET = 9;
  private static final int POSITION_OFFSET = 13;
  private static final int FLAGS_OFFSET = 17;

  private final byte[] bytes;

  private BinlogEvent(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps (without copying) the bytes of exactly one event; its header must give that length. */
  public static BinlogEvent of(byte[] bytes) {
    if (bytes.length < HEADER_LENGTH) {
      throw new BinlogFormatException("an event has at least 19 bytes, got " + bytes.length);
    }
    long declared = Bytes.le(bytes, LENGTH_OFFSET, 4);
    if (declared != bytes.length) {
      throw new BinlogFormatException(
          "event header says " + declared + " bytes, the event has " + bytes.length);
    }
    return new BinlogEvent(bytes);
  }

  /** The length an event header declares, read from its first 19 bytes. */
  public static int declaredLength(byte[] header) {
    long length = Bytes.le(header, LENGTH_OFFSET, 4);
    if (length < HEADER_LENGTH || length > Integer.MAX_VALUE - 8) {
      throw new BinlogFormatException("not an event length: " + length);
    }
    return (int) length;
  }

  public int type() {
    return bytes[TYPE_OFFSET] & 0xff;
  }

  /** Seconds since the epoch: when the statement that wrote the event started. */
  public long timestamp() {
    return Bytes.le(bytes, 0, 4);
  }

  public long serverId() {
    return Bytes.le(bytes, SERVER_ID_OFFSET, 4);
  }

  public int length() {
    return bytes.length;
  }

  /** The position just after this event in its file (0 for events a source makes up). */
  public long endPosition() {
    return Bytes.le(bytes, POSITION_OFFSET, 4);
  }

  public int flags() {
    return (int) Bytes.le(bytes, FLAGS_OFFSET, 2);
  }

  /** A byte of the event, counted from the start of its header. */
  int byteAt(int offset) {
    return bytes[offset] & 0xff;
  }

  long le(int offset, int width) {
    return Bytes.le(bytes, offset, width);
  }

  byte[] slice(int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  /** Whether the trailing 4 bytes are the CRC32 of the rest. */
  public boolean hasValidChecksum() {
    return bytes.length >= HEADER_LENGTH + CHECKSUM_LENGTH
        && crc(bytes) == Bytes.le(bytes, bytes.length - CHECKSUM_LENGTH, 4);
  }

  /**
   * A copy placed so that it ends at {@code endPosition} of another file, with the flags given and,
   * when {@code checksummed}, a new CRC32 (the header is part of what the CRC covers).
   */
  public BinlogEvent placed(long endPosition, int flags, boolean checksummed) {
    if (endPosition < 0 || endPosition > 0xffff_ffffL) {
      throw new BinlogFormatException(
          "a binlog file position fits in 32 bits (max_binlog_size is at most 1 GiB), got "
              + endPosition);
    }
    byte[] copy = bytes.clone();
    Bytes.putLe(copy, POSITION_OFFSET, 4, endPosition);
    Bytes.putLe(copy, FLAGS_OFFSET, 2, flags);
    if (checksummed) {
      Bytes.putLe(copy, copy.length - CHECKSUM_LENGTH, 4, crc(copy));
    }
    return new BinlogEvent(copy);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  private static long crc(byte[] event) {
    CRC32 crc = new CRC32();
    crc.update(event, 0, event.length - CHECKSUM_LENGTH);
    return crc.getValue();
  }

  static byte[] header(int type, long timestamp, long serverId, int length, long endPosition) {
    byte[] event = new byte[length];
    Bytes.putLe(event, 0, 4, timestamp);
    event[TYPE_OFFSET] = (byte) type;
    Bytes.putLe(event, SERVER_ID_OFFSET, 4, serverId);
    Bytes.putLe(event, LENGTH_OFFSET, 4, length);
    Bytes.putLe(event, POSITION_OFFSET, 4, endPosition);
    return event;
  }

  /** Finishes an event built with {@link #header}: computes its CRC32 when checksummed. */
  static BinlogEvent sealed(byte[] event, boolean checksummed) {
    if (checksummed) {
      Bytes.putLe(event, event.length - CHECKSUM_LENGTH, 4, crc(event));
    }
    return new BinlogEvent(event);
  }

  @Override
  public String toString() {
    return "BinlogEvent[type=" + type() + ", length=" + length() + ", end=" + endPosition() + "]";
  }
}
