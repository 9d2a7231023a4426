package dev.moco4j.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventBusDeliveryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Vertx vertx;
  private EventBus eventBus;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
    eventBus = vertx.eventBus();
    MessageCodecs.registerAll(eventBus);
  }

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().await(TIMEOUT);
  }

  @Test
  void sendsEveryMessageTypeAcrossTheEventBusUnchanged() throws Exception {
    for (EventBusMessage sent : SampleMessages.all()) {
      String address = "test." + sent.getClass().getSimpleName();
      CompletableFuture<Object> received = new CompletableFuture<>();
      MessageConsumer<Object> consumer =
          eventBus.consumer(address, message -> received.complete(message.body()));
      consumer.completion().await(TIMEOUT);

      eventBus.send(address, sent);

      assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(sent);
      consumer.unregister().await(TIMEOUT);
    }
  }

  @Test
  void answersACommandRequestWithACommandReply() throws Exception {
    eventBus
        .<CommandRequest>consumer(
            EventBusAddresses.commandsFor(Command.SWITCHOVER),
            request ->
                request.reply(
                    new CommandReply(
                        request.body().requestId(), CommandOutcome.ACCEPTED, "switchover started")))
        .completion()
        .await(TIMEOUT);

    Message<CommandReply> reply =
        eventBus
            .<CommandReply>request(
                EventBusAddresses.HEALTH_MONITOR_COMMANDS, SampleMessages.SWITCHOVER)
            .await(TIMEOUT);

    assertThat(reply.body()).isEqualTo(SampleMessages.ACCEPTED);
  }

  @Test
  void carriesEveryMessageTypeThroughTheClusteredWireForm() {
    for (EventBusMessage sent : SampleMessages.all()) {
      assertThat(wireRoundTrip(sent)).isEqualTo(sent);
    }
  }

  @Test
  void refusesToRegisterTheCodecsTwiceOnOneEventBus() {
    assertThatThrownBy(() -> MessageCodecs.registerAll(eventBus))
        .isInstanceOf(IllegalStateException.class);
  }

  @SuppressWarnings("unchecked")
  private static <T extends EventBusMessage> T wireRoundTrip(T message) {
    JsonMessageCodec<T> codec = new JsonMessageCodec<>((Class<T>) message.getClass());
    Buffer wire = Buffer.buffer().appendString("frame-header");
    codec.encodeToWire(wire, message);
    return codec.decodeFromWire("frame-header".length(), wire);
  }
}
