package dev.moco4j.binlog;

import java.util.Locale;

/**
 * Finds transaction boundaries in a stream of events, so that a file is never cut inside a
 * transaction.
 *
 * <p>Under {@code gtid_mode=ON} every transaction starts with a GTID event. Its end is found from
 * the {@code transaction_length} the GTID event records (MySQL 8.0.2 and later); for a writer that
 * left it 0, from the event that ends a transaction: an XID, a COMMIT/ROLLBACK query after BEGIN, a
 * lone DDL query, an XA PREPARE, or a compressed transaction payload.
 */
public final class TransactionFramer {

  /** Where an event stands relative to transactions. */
  public enum Place {
    /** Not part of a transaction: format description, rotate, previous GTIDs, heartbeat. */
    OUTSIDE,
    /** The GTID event that opens a transaction. */
    START,
    INSIDE,
    /** The event that completes the open transaction. */
    END
  }

  private final int checksumLength;
  private GtidEvent open;
  private long bytesSoFar;
  private boolean sawBegin;

  public TransactionFramer(boolean checksummed) {
    this.checksumLength = checksummed ? BinlogEvent.CHECKSUM_LENGTH : 0;
  }

  /** The open transaction's GTID event, or null between transactions. */
  public GtidEvent open() {
    return open;
  }

  /** Forgets a transaction cut short (the stream broke); the next event must be outside one. */
  public void reset() {
    open = null;
    bytesSoFar = 0;
    sawBegin = false;
  }

  public Place place(BinlogEvent event) {
    int type = event.type();
    if (open == null) {
      return placeOutside(event, type);
    }
    if (type == EventTypes.GTID || type == EventTypes.ANONYMOUS_GTID) {
      throw new BinlogFormatException(
          "transaction " + open.gtid() + " has no end before the next transaction starts");
    }
    bytesSoFar += event.length();
    boolean ends =
        open.transactionLength() > 0
            ? bytesSoFar >= open.transactionLength()
            : endsTransaction(event, type);
    if (open.transactionLength() > 0 && bytesSoFar > open.transactionLength()) {
      throw new BinlogFormatException(
          "transaction "
              + open.gtid()
              + " is longer than the "
              + open.transactionLength()
              + " bytes its GTID event declares");
    }
    if (ends) {
      reset();
      return Place.END;
    }
    return Place.INSIDE;
  }

  private Place placeOutside(BinlogEvent event, int type) {
    switch (type) {
      case EventTypes.GTID -> {
        open = GtidEvent.parse(event, checksumLength > 0);
        bytesSoFar = event.length();
        sawBegin = false;
        return Place.START;
      }
      case EventTypes.FORMAT_DESCRIPTION,
          EventTypes.ROTATE,
          EventTypes.PREVIOUS_GTIDS,
          EventTypes.HEARTBEAT,
          EventTypes.HEARTBEAT_V2,
          EventTypes.STOP -> {
        return Place.OUTSIDE;
      }
      case EventTypes.ANONYMOUS_GTID ->
          throw new BinlogFormatException(
              "a transaction without a GTID: the archive needs gtid_mode=ON");
      default ->
          throw new BinlogFormatException(
              "event of type " + type + " outside a transaction (only GTID transactions)");
    }
  }

  private boolean endsTransaction(BinlogEvent event, int type) {
    return switch (type) {
      case EventTypes.XID, EventTypes.XA_PREPARE, EventTypes.TRANSACTION_PAYLOAD -> true;
      case EventTypes.QUERY -> {
        String sql = Events.queryText(event, checksumLength).strip().toUpperCase(Locale.ROOT);
        if (sql.equals("BEGIN") || sql.startsWith("XA START")) {
          sawBegin = true;
          yield false;
        }
        if (!sawBegin) {
          yield true;
        }
        yield sql.equals("COMMIT") || sql.startsWith("ROLLBACK") && !sql.contains(" TO ");
      }
      default -> false;
    };
  }
}
