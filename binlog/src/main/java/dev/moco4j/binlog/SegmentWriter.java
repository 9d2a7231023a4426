package dev.moco4j.binlog;

import dev.moco4j.mysql.gtid.GtidSet;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes one archive segment: a binlog file of its own (magic, format description, previous GTIDs,
 * then whole transactions), every event re-placed at its position in this file with a fresh CRC.
 *
 * <p>A transaction's events are written as they arrive, so a large transaction never has to fit in
 * memory; {@link #rollback()} cuts a transaction that the stream broke off back out of the file.
 */
public final class SegmentWriter implements Closeable {

  private static final int BUFFER = 256 * 1024;

  private final String name;
  private final Path file;
  private final FileOutputStream fileStream;
  private final FileChannel channel;
  private final OutputStream out;
  private final boolean checksummed;
  private final GtidSet previousGtids;
  private long position;
  private long committedPosition;
  private GtidEvent open;
  private GtidSet gtids = GtidSet.EMPTY;
  private String firstGtid;
  private String lastGtid;
  private long[] commitMicros = new long[16];
  private int transactions;

  /**
   * Creates {@code file} (replacing it) and writes the file's opening events.
   *
   * @param formatDescription the source's format description, reused (same server version and
   *     checksum setting as the events that follow)
   * @param previousGtids the archive's transactions before this segment
   */
  public SegmentWriter(
      String name,
      Path file,
      FormatDescription formatDescription,
      GtidSet previousGtids,
      long serverId,
      long timestamp)
      throws IOException {
    this.name = name;
    this.file = file;
    this.checksummed = formatDescription.checksummed();
    this.previousGtids = previousGtids;
    this.fileStream = new FileOutputStream(file.toFile());
    this.channel = fileStream.getChannel();
    this.out = new BufferedOutputStream(fileStream, BUFFER);
    out.write(BinlogFile.MAGIC);
    position = BinlogFile.MAGIC.length;
    BinlogEvent description = formatDescription.asFirstEventOfClosedFile();
    write(description);
    BinlogEvent previous =
        PreviousGtidsEvent.encode(previousGtids, serverId, timestamp, 0, checksummed);
    write(previous.placed(position + previous.length(), 0, checksummed));
    committedPosition = position;
  }

  public String name() {
    return name;
  }

  /** The open transaction's GTID event, or null between transactions. */
  public GtidEvent openTransaction() {
    return open;
  }

  public boolean inTransaction() {
    return open != null;
  }

  public int transactions() {
    return transactions;
  }

  /** Bytes in the file so far, including a transaction still open. */
  public long size() {
    return position;
  }

  /** Starts a transaction with its GTID event. */
  public void begin(BinlogEvent gtidEvent, GtidEvent gtid) throws IOException {
    if (open != null) {
      throw new IllegalStateException("transaction " + open.gtid() + " is still open");
    }
    open = gtid;
    append(gtidEvent);
  }

  /** Writes an event of the open transaction. */
  public void append(BinlogEvent event) throws IOException {
    if (open == null) {
      throw new IllegalStateException("events are written inside a transaction only");
    }
    write(event.placed(position + event.length(), event.flags(), checksummed));
  }

  /** The open transaction is complete: it now belongs to the segment. */
  public void commit() {
    if (open == null) {
      throw new IllegalStateException("no transaction is open");
    }
    gtids = gtids.union(GtidSet.of(open.uuid(), open.gno(), open.gno()));
    if (firstGtid == null) {
      firstGtid = open.gtid();
    }
    lastGtid = open.gtid();
    if (transactions == commitMicros.length) {
      commitMicros = Arrays.copyOf(commitMicros, transactions * 2);
    }
    commitMicros[transactions++] = open.originalCommitMicros();
    committedPosition = position;
    open = null;
  }

  /** Removes the open transaction's events from the file. */
  public void rollback() throws IOException {
    if (open == null) {
      return;
    }
    out.flush();
    channel.truncate(committedPosition);
    channel.position(committedPosition);
    position = committedPosition;
    open = null;
  }

  /** Closes the file after its last whole transaction and describes it. */
  public SegmentSummary finish() throws IOException {
    rollback();
    close();
    return new SegmentSummary(
        name,
        file,
        position,
        previousGtids,
        gtids,
        firstGtid,
        lastGtid,
        Arrays.copyOf(commitMicros, transactions));
  }

  private void write(BinlogEvent event) throws IOException {
    event.writeTo(out);
    position += event.length();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
