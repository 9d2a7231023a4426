package dev.moco4j.eventbus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Carries one message type on the event bus: as JSON between cluster members, as the same object
 * within one Vert.x instance (the records are immutable, so sharing is safe).
 */
public final class JsonMessageCodec<T extends EventBusMessage> implements MessageCodec<T, T> {

  private final Class<T> type;
  private final String name;

  public JsonMessageCodec(Class<T> type) {
    this.type = type;
    // The receiver looks the codec up by this name, so it must not change between versions.
    this.name = "moco4j." + type.getSimpleName();
  }

  @Override
  public void encodeToWire(Buffer buffer, T message) {
    byte[] json = MessageJson.toBytes(message);
    buffer.appendInt(json.length).appendBytes(json);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    int start = pos + Integer.BYTES;
    return MessageJson.fromBytes(buffer.getBytes(start, start + length), type);
  }

  @Override
  public T transform(T message) {
    return message;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1; // a user codec
  }
}
