package dev.moco4j.binlog;

import java.nio.charset.StandardCharsets;

/** Reads the few body fields of non-GTID events that framing transactions and files needs. */
public final class Events {

  private static final int QUERY_POST_HEADER = 13;
  private static final int ROTATE_POSITION_WIDTH = 8;

  private Events() {}

  /** The SQL text of a query event (its start is enough to tell BEGIN/COMMIT from a DDL). */
  public static String queryText(BinlogEvent event, int checksumLength) {
    int body = BinlogEvent.HEADER_LENGTH;
    int databaseLength = event.byteAt(body + 8);
    int statusLength = (int) event.le(body + 11, 2);
    int start = body + QUERY_POST_HEADER + statusLength + databaseLength + 1;
    int end = event.length() - checksumLength;
    if (start > end) {
      throw new BinlogFormatException("query event too short for its declared fields");
    }
    return new String(event.slice(start, end), StandardCharsets.UTF_8);
  }

  /** The name of the file a rotate event points to. */
  public static String rotateTarget(BinlogEvent event, int checksumLength) {
    int start = BinlogEvent.HEADER_LENGTH + ROTATE_POSITION_WIDTH;
    int end = event.length() - checksumLength;
    if (start >= end) {
      throw new BinlogFormatException("rotate event without a file name");
    }
    return new String(event.slice(start, end), StandardCharsets.US_ASCII);
  }

  /** The position in the target file a rotate event points to. */
  public static long rotatePosition(BinlogEvent event) {
    return event.le(BinlogEvent.HEADER_LENGTH, ROTATE_POSITION_WIDTH);
  }
}
