package dev.moco4j.binlog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * What a GTID event (the first event of every transaction under {@code gtid_mode=ON}) says about
 * its transaction.
 *
 * @param uuid the originating server's UUID
 * @param gno the transaction's number on that server
 * @param originalCommitMicros commit time on the originating server, microseconds since the epoch
 * @param immediateCommitMicros commit time on the server whose binlog this is
 * @param transactionLength bytes of the whole transaction in the binlog including this event, 0
 *     when the writer did not record it
 */
public record GtidEvent(
    String uuid,
    long gno,
    long originalCommitMicros,
    long immediateCommitMicros,
    long transactionLength) {

  // flags(1) + sid(16) + gno(8) + logical clock type(1) + last_committed(8) + sequence_number(8)
  private static final int SID_OFFSET = BinlogEvent.HEADER_LENGTH + 1;
  private static final int GNO_OFFSET = SID_OFFSET + 16;
  private static final int TIMESTAMPS_OFFSET = GNO_OFFSET + 8 + 1 + 8 + 8;
  private static final int TIMESTAMP_WIDTH = 7;

  /** The top bit of the 7-byte immediate commit time says that an original one follows. */
  private static final long ORIGINAL_FOLLOWS = 1L << 55;

  /** Reads a GTID event; {@code checksummed} says whether its last 4 bytes are a CRC32. */
  public static GtidEvent parse(BinlogEvent event, boolean checksummed) {
    if (event.type() != EventTypes.GTID) {
      throw new BinlogFormatException("not a GTID event: type " + event.type());
    }
    int end = event.length() - (checksummed ? BinlogEvent.CHECKSUM_LENGTH : 0);
    String hex = HexFormat.of().formatHex(event.slice(SID_OFFSET, SID_OFFSET + 16));
    String uuid =
        hex.substring(0, 8)
            + "-"
            + hex.substring(8, 12)
            + "-"
            + hex.substring(12, 16)
            + "-"
            + hex.substring(16, 20)
            + "-"
            + hex.substring(20);
    long gno = event.le(GNO_OFFSET, 8);
    int at = TIMESTAMPS_OFFSET;
    long immediate = 0;
    long original = 0;
    long length = 0;
    if (at + TIMESTAMP_WIDTH <= end) {
      immediate = event.le(at, TIMESTAMP_WIDTH);
      at += TIMESTAMP_WIDTH;
      if ((immediate & ORIGINAL_FOLLOWS) != 0) {
        immediate &= ~ORIGINAL_FOLLOWS;
        original = event.le(at, TIMESTAMP_WIDTH);
        at += TIMESTAMP_WIDTH;
      } else {
        original = immediate;
      }
      if (at < end) {
        length = packedInteger(event, at);
      }
    }
    return new GtidEvent(uuid, gno, original, immediate, length);
  }

  /** MySQL's length-encoded integer (one byte below 251, else a marker and 2, 3 or 8 bytes). */
  private static long packedInteger(BinlogEvent event, int at) {
    int first = event.byteAt(at);
    return switch (first) {
      case 252 -> event.le(at + 1, 2);
      case 253 -> event.le(at + 1, 3);
      case 254 -> event.le(at + 1, 8);
      default -> {
        if (first >= 251) {
          throw new BinlogFormatException("not a length-encoded integer: first byte " + first);
        }
        yield first;
      }
    };
  }

  /** The transaction's identifier in MySQL's text form, {@code uuid:gno}. */
  public String gtid() {
    return uuid + ":" + gno;
  }

  /** When the transaction committed on its originating server: the time a user would name. */
  public Instant originalCommitTime() {
    return Instant.EPOCH.plus(originalCommitMicros, ChronoUnit.MICROS);
  }
}
