package dev.moco4j.binlog;

/**
 * A format description event (the first event after the magic of every binlog file), and whether
 * the events that follow it carry a CRC32.
 */
public record FormatDescription(BinlogEvent event, boolean checksummed) {

  /** {@code BINLOG_CHECKSUM_ALG_CRC32}, the byte before the event's own checksum. */
  private static final int ALGORITHM_CRC32 = 1;

  /**
   * Reads the checksum algorithm: the byte before a trailing CRC32 when the binlog is checksummed,
   * the last byte (0) when it is not. The CRC has to match for the first reading to be taken.
   */
  public static FormatDescription of(BinlogEvent event) {
    if (event.type() != EventTypes.FORMAT_DESCRIPTION) {
      throw new BinlogFormatException("not a format description event: type " + event.type());
    }
    int length = event.length();
    if (event.byteAt(length - 5) == ALGORITHM_CRC32 && event.hasValidChecksum()) {
      return new FormatDescription(event, true);
    }
    if (event.byteAt(length - 1) == 0) {
      return new FormatDescription(event, false);
    }
    throw new BinlogFormatException(
        "format description event with an unknown checksum algorithm or a damaged checksum");
  }

  /**
   * This event as the first of a closed file: at position 4, and without the in-use flag (mysqld
   * sets it while a file is open; a reader seeing it would take the file for one left by a crash).
   */
  public BinlogEvent asFirstEventOfClosedFile() {
    return event.placed(
        BinlogFile.MAGIC.length + event.length(),
        event.flags() & ~BinlogEvent.BINLOG_IN_USE_FLAG,
        checksummed);
  }

  public int checksumLength() {
    return checksummed ? BinlogEvent.CHECKSUM_LENGTH : 0;
  }
}
