package dev.moco4j.backup.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import dev.moco4j.binlog.BinlogEvent;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Hands each event's bytes, exactly as the source sent them, to the archive before the client
 * library decodes it for its own bookkeeping: the archive writes events, not decoded rows.
 */
final class RawEventDeserializer extends EventDeserializer {

  /** Takes one event's bytes; a failure stops the stream. */
  @FunctionalInterface
  interface RawEventConsumer {
    void accept(BinlogEvent event) throws Exception;
  }

  /**
   * Ends the stream. The library goes on after most decoding failures; it ends the connection on an
   * {@link EOFException}, and a failed archive write must end it: skipping an event would be a gap.
   */
  static final class StreamStopped extends EOFException {
    StreamStopped(Exception cause) {
      super("the archive stopped the stream: " + cause);
      initCause(cause);
    }
  }

  private final RawEventConsumer consumer;

  RawEventDeserializer(RawEventConsumer consumer) {
    this.consumer = consumer;
    // Row images are never looked at here: skip decoding them.
    for (EventType type :
        new EventType[] {
          EventType.WRITE_ROWS, EventType.UPDATE_ROWS, EventType.DELETE_ROWS,
          EventType.EXT_WRITE_ROWS, EventType.EXT_UPDATE_ROWS, EventType.EXT_DELETE_ROWS,
          EventType.PARTIAL_UPDATE_ROWS_EVENT, EventType.ROWS_QUERY
        }) {
      setEventDataDeserializer(type, new NullEventDataDeserializer());
    }
  }

  @Override
  public Event nextEvent(ByteArrayInputStream in) throws IOException {
    if (in.peek() == -1) {
      return null;
    }
    byte[] header = in.read(BinlogEvent.HEADER_LENGTH);
    int length = BinlogEvent.declaredLength(header);
    byte[] bytes = Arrays.copyOf(header, length);
    in.fill(bytes, BinlogEvent.HEADER_LENGTH, length - BinlogEvent.HEADER_LENGTH);
    try {
      consumer.accept(BinlogEvent.of(bytes));
    } catch (Exception e) {
      throw new StreamStopped(e);
    }
    return super.nextEvent(new ByteArrayInputStream(bytes));
  }
}
