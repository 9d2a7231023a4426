package dev.moco4j.eventbus;

import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** Registers a codec for every message type, so services send the records themselves. */
public final class MessageCodecs {

  private static final List<Class<? extends EventBusMessage>> MESSAGE_TYPES =
      List.of(
          ClusterStatusSnapshot.class,
          CommandRequest.class,
          CommandReply.class,
          BackupRequest.class,
          BackupResult.class);

  private MessageCodecs() {}

  /** Every message type this version of the contracts defines. */
  public static List<Class<? extends EventBusMessage>> messageTypes() {
    return MESSAGE_TYPES;
  }

  /**
   * Makes each message type's codec the default for its class. Call once per Vert.x instance,
   * before the first send.
   *
   * @throws IllegalStateException when codecs are already registered on this event bus
   */
  public static void registerAll(EventBus eventBus) {
    MESSAGE_TYPES.forEach(type -> register(eventBus, type));
  }

  private static <T extends EventBusMessage> void register(EventBus eventBus, Class<T> type) {
    eventBus.registerDefaultCodec(type, new JsonMessageCodec<>(type));
  }
}
