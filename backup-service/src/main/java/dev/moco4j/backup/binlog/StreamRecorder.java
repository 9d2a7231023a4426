package dev.moco4j.backup.binlog;

import dev.moco4j.binlog.BinlogEvent;
import dev.moco4j.binlog.BinlogFormatException;
import dev.moco4j.binlog.EventTypes;
import dev.moco4j.binlog.Events;
import dev.moco4j.binlog.FormatDescription;
import dev.moco4j.binlog.GtidEvent;
import dev.moco4j.binlog.SegmentWriter;
import dev.moco4j.binlog.TransactionFramer;
import dev.moco4j.mysql.gtid.GtidSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Turns one connection's event stream into segment files of whole transactions.
 *
 * <p>The stream's thread calls {@link #onEvent}; the shipper's thread calls {@link #requestCut}. A
 * segment is cut only between transactions: a cut asked for inside one waits for its end.
 * Everything is synchronized on this object.
 */
final class StreamRecorder {

  private final Path spoolDir;
  private final Clock clock;
  private final Consumer<PendingSegment> finished;

  /** Archived or waiting to be shipped: the cursor of the next connection. */
  private GtidSet recorded;

  private String serverUuid;
  private boolean checksummed;
  private TransactionFramer framer;
  private String sourceFile;
  private FormatDescription formatDescription;
  private SegmentWriter writer;
  private boolean skipping;
  private boolean cutRequested;

  StreamRecorder(Path spoolDir, Clock clock, GtidSet archived, Consumer<PendingSegment> finished) {
    this.spoolDir = spoolDir;
    this.clock = clock;
    this.recorded = archived;
    this.finished = finished;
  }

  synchronized GtidSet recorded() {
    return recorded;
  }

  /** A new stream from the server {@code serverUuid} begins. */
  synchronized void onConnected(String serverUuid, boolean checksummed) {
    this.serverUuid = serverUuid;
    this.checksummed = checksummed;
    this.framer = new TransactionFramer(checksummed);
    this.sourceFile = null;
    this.formatDescription = null;
    this.skipping = false;
  }

  synchronized void onEvent(BinlogEvent event) throws IOException {
    int checksumLength = checksummed ? BinlogEvent.CHECKSUM_LENGTH : 0;
    if (event.type() == EventTypes.ROTATE) {
      if (framer.open() != null) {
        throw new BinlogFormatException("rotate inside transaction " + framer.open().gtid());
      }
      // A new source file: its format description follows, and segments never span files.
      cut();
      sourceFile = Events.rotateTarget(event, checksumLength);
      return;
    }
    switch (framer.place(event)) {
      case OUTSIDE -> {
        if (event.type() == EventTypes.FORMAT_DESCRIPTION) {
          FormatDescription description = FormatDescription.of(event);
          if (description.checksummed() != checksummed) {
            throw new BinlogFormatException(
                "binlog_checksum of a source file differs from the server's setting");
          }
          formatDescription = description;
        }
      }
      case START -> {
        GtidEvent gtid = framer.open();
        // The server sends only what the cursor lacks; this guards the archive against any
        // transaction it would send twice all the same.
        skipping = recorded.contains(gtid.uuid(), "", gtid.gno());
        if (!skipping) {
          openWriterIfNeeded(event);
          writer.begin(event, gtid);
        }
      }
      case INSIDE -> {
        if (!skipping) {
          writer.append(event);
        }
      }
      case END -> {
        if (skipping) {
          skipping = false;
          return;
        }
        writer.append(event);
        GtidEvent gtid = writer.openTransaction();
        writer.commit();
        recorded = recorded.union(GtidSet.of(gtid.uuid(), gtid.gno(), gtid.gno()));
        if (cutRequested) {
          cut();
        }
      }
    }
  }

  private void openWriterIfNeeded(BinlogEvent gtidEvent) throws IOException {
    if (writer != null) {
      return;
    }
    if (sourceFile == null || formatDescription == null) {
      throw new BinlogFormatException("a transaction before the stream named its file and format");
    }
    String name = SegmentNames.of(sourceFile, gtidEvent.endPosition() - gtidEvent.length());
    Files.createDirectories(spoolDir);
    writer =
        new SegmentWriter(
            name,
            spoolDir.resolve(name),
            formatDescription,
            recorded,
            formatDescription.event().serverId(),
            clock.instant().getEpochSecond());
  }

  /** Cuts the open segment now if between transactions, else at the end of the open one. */
  synchronized void requestCut() throws IOException {
    if (writer != null && writer.inTransaction()) {
      cutRequested = true;
    } else {
      cut();
    }
  }

  /** The stream broke: a transaction it cut short is dropped, the whole ones are kept. */
  synchronized void onDisconnected() {
    if (framer != null) {
      framer.reset();
    }
    skipping = false;
    try {
      cut();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the segment of a broken stream", e);
    }
  }

  private void cut() throws IOException {
    cutRequested = false;
    if (writer == null) {
      return;
    }
    SegmentWriter closing = writer;
    writer = null;
    var summary = closing.finish();
    if (summary.transactions() == 0) {
      Files.deleteIfExists(summary.file());
      return;
    }
    finished.accept(new PendingSegment(serverUuid, summary));
  }
}
