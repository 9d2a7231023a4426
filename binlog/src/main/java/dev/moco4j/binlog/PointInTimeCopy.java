package dev.moco4j.binlog;

import dev.moco4j.mysql.gtid.GtidSet;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Copies the transactions of a binlog that committed at or before a point in time into a new, valid
 * binlog file: what a point-in-time restore replays from the last segment it needs.
 */
public final class PointInTimeCopy {

  private PointInTimeCopy() {}

  /**
   * Writes to {@code out} the transactions of {@code in} whose original commit time is not after
   * {@code until}, stopping at the first one that is (commit order is file order on one source).
   *
   * @param previousGtids written as the new file's {@code Previous_gtids}
   * @return the transactions copied
   */
  public static GtidSet copy(
      SegmentReader in, OutputStream out, Instant until, GtidSet previousGtids, long serverId)
      throws IOException {
    FormatDescription description = in.formatDescription();
    boolean checksummed = description.checksummed();
    out.write(BinlogFile.MAGIC);
    long position = BinlogFile.MAGIC.length;
    BinlogEvent first = description.asFirstEventOfClosedFile();
    first.writeTo(out);
    position += first.length();
    BinlogEvent previous =
        PreviousGtidsEvent.encode(previousGtids, serverId, first.timestamp(), 0, checksummed);
    previous.placed(position + previous.length(), 0, checksummed).writeTo(out);
    position += previous.length();
    GtidSet copied = GtidSet.EMPTY;
    for (BinlogTransaction transaction = in.nextTransaction();
        transaction != null;
        transaction = in.nextTransaction()) {
      if (transaction.gtid().originalCommitTime().isAfter(until)) {
        break;
      }
      for (BinlogEvent event : transaction.events()) {
        position += event.length();
        event.placed(position, event.flags(), checksummed).writeTo(out);
      }
      GtidEvent gtid = transaction.gtid();
      copied = copied.union(GtidSet.of(gtid.uuid(), gtid.gno(), gtid.gno()));
    }
    return copied;
  }
}
