package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.eventbus.CommandOutcome;
import dev.moco4j.eventbus.CommandReply;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceLauncherTest {

  private final ServiceLauncher launcher =
      ServiceLauncher.forService("test-service").withShutdownTimeout(Duration.ofSeconds(10));

  @Test
  void deploysTheVerticleAndStopsItWhenVertxCloses() throws Exception {
    TestVerticle verticle = new TestVerticle(TestVerticle.Mode.RUN);
    Vertx vertx = launcher.createVertx(VertxFactory.local());

    launcher.deploy(vertx, verticle);
    assertThat(verticle.started).isTrue();

    assertThat(launcher.stop(vertx)).isTrue();
    assertThat(verticle.stopped).isTrue();
  }

  @Test
  void createsVertxWithTheMessageCodecsRegistered() throws Exception {
    Vertx vertx = launcher.createVertx(VertxFactory.local());
    try {
      CommandReply reply = new CommandReply("r", CommandOutcome.DONE, null);
      vertx.eventBus().<CommandReply>consumer("test.reply", message -> message.reply(reply));

      assertThat(
              vertx
                  .eventBus()
                  .<CommandReply>request("test.reply", reply)
                  .await(Duration.ofSeconds(10))
                  .body())
          .isEqualTo(reply);
    } finally {
      launcher.stop(vertx);
    }
  }
}
