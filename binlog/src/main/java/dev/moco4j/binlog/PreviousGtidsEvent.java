package dev.moco4j.binlog;

import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.mysql.gtid.Interval;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the {@code Previous_gtids} event that follows the format description in every binlog file:
 * the transactions written before the file. Readers (mysqlbinlog, the applier, a dump thread
 * looking for where to start) rely on it.
 */
public final class PreviousGtidsEvent {

  private PreviousGtidsEvent() {}

  /**
   * The event for {@code gtids}, ending at {@code endPosition}. Only untagged sets have this
   * encoding (tagged GTIDs, MySQL 8.3 and later, use another one), so a tagged set is refused.
   */
  public static BinlogEvent encode(
      GtidSet gtids, long serverId, long timestamp, long endPosition, boolean checksummed) {
    int bodyLength = 8;
    long untagged = 0;
    for (String uuid : gtids.uuids()) {
      List<Interval> intervals = gtids.intervals(uuid, "");
      bodyLength += 16 + 8 + 16 * intervals.size();
      untagged += intervals.stream().mapToLong(Interval::size).sum();
    }
    if (untagged != gtids.count()) {
      throw new BinlogFormatException("tagged GTIDs are not supported: " + gtids);
    }
    int length =
        BinlogEvent.HEADER_LENGTH + bodyLength + (checksummed ? BinlogEvent.CHECKSUM_LENGTH : 0);
    byte[] event =
        BinlogEvent.header(EventTypes.PREVIOUS_GTIDS, timestamp, serverId, length, endPosition);
    int at = BinlogEvent.HEADER_LENGTH;
    Bytes.putLe(event, at, 8, gtids.uuids().size());
    at += 8;
    for (String uuid : gtids.uuids()) {
      byte[] sid = HexFormat.of().parseHex(uuid.replace("-", ""));
      System.arraycopy(sid, 0, event, at, 16);
      at += 16;
      List<Interval> intervals = gtids.intervals(uuid, "");
      Bytes.putLe(event, at, 8, intervals.size());
      at += 8;
      for (Interval interval : intervals) {
        // The encoding's intervals are half-open: [start, end + 1).
        Bytes.putLe(event, at, 8, interval.start());
        Bytes.putLe(event, at + 8, 8, interval.end() + 1);
        at += 16;
      }
    }
    return BinlogEvent.sealed(event, checksummed);
  }
}
