package dev.moco4j.binlog;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a binlog file (an archive segment, or any file mysqld wrote) event by event or transaction
 * by transaction, checking every CRC on the way. A restore uses it to replay a segment up to a
 * point in time.
 */
public final class SegmentReader implements Closeable {

  private final InputStream in;
  private final FormatDescription formatDescription;
  private final TransactionFramer framer;
  private long position;

  public SegmentReader(InputStream in) throws IOException {
    this.in = new BufferedInputStream(in, 256 * 1024);
    byte[] magic = this.in.readNBytes(BinlogFile.MAGIC.length);
    if (!Arrays.equals(magic, BinlogFile.MAGIC)) {
      throw new BinlogFormatException("not a binlog file: no magic number");
    }
    position = magic.length;
    BinlogEvent first = readEvent();
    if (first == null) {
      throw new BinlogFormatException("binlog file without a format description event");
    }
    formatDescription = FormatDescription.of(first);
    framer = new TransactionFramer(formatDescription.checksummed());
  }

  public FormatDescription formatDescription() {
    return formatDescription;
  }

  /** The next event, or null at the end of the file. */
  public BinlogEvent nextEvent() throws IOException {
    BinlogEvent event = readEvent();
    if (event != null
        && formatDescription != null
        && formatDescription.checksummed()
        && !event.hasValidChecksum()) {
      throw new BinlogFormatException("CRC mismatch in the event ending at " + position);
    }
    return event;
  }

  /**
   * The next whole transaction with its events (held in memory), or null at the end of the file.
   *
   * @throws BinlogFormatException when the file ends inside a transaction
   */
  public BinlogTransaction nextTransaction() throws IOException {
    List<BinlogEvent> events = new ArrayList<>();
    GtidEvent gtid = null;
    for (BinlogEvent event = nextEvent(); event != null; event = nextEvent()) {
      switch (framer.place(event)) {
        case OUTSIDE -> {}
        case START -> {
          gtid = framer.open();
          events.add(event);
        }
        case INSIDE -> events.add(event);
        case END -> {
          events.add(event);
          return new BinlogTransaction(gtid, List.copyOf(events));
        }
      }
    }
    if (gtid != null) {
      throw new BinlogFormatException("the file ends inside transaction " + gtid.gtid());
    }
    return null;
  }

  private BinlogEvent readEvent() throws IOException {
    byte[] header = in.readNBytes(BinlogEvent.HEADER_LENGTH);
    if (header.length == 0) {
      return null;
    }
    if (header.length < BinlogEvent.HEADER_LENGTH) {
      throw new EOFException("binlog file ends inside an event header at " + position);
    }
    int length = BinlogEvent.declaredLength(header);
    byte[] bytes = Arrays.copyOf(header, length);
    int read = in.readNBytes(bytes, BinlogEvent.HEADER_LENGTH, length - BinlogEvent.HEADER_LENGTH);
    if (read < length - BinlogEvent.HEADER_LENGTH) {
      throw new EOFException("binlog file ends inside an event at " + position);
    }
    position += length;
    return BinlogEvent.of(bytes);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
