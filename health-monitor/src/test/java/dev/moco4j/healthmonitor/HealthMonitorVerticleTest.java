package dev.moco4j.healthmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.service.WatchedNamespaces;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMonitorVerticleTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Records what the verticle does with its watch, and on which kind of thread. */
  static final class RecordingWatch implements ClusterWatch {
    final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void start() {
      calls.add("start on " + (Thread.currentThread().isVirtual() ? "virtual" : "platform"));
    }

    @Override
    public synchronized void close() {
      calls.add("close");
    }
  }

  @Test
  void startsTheWatchOffTheEventLoopOnDeployAndClosesItOnUndeploy() throws Exception {
    Vertx vertx = Vertx.vertx();
    RecordingWatch watch = new RecordingWatch();
    try {
      String id =
          vertx
              .deployVerticle(
                  new HealthMonitorVerticle(
                      HealthMonitorConfigTest.config(WatchedNamespaces.allNamespaces()),
                      v -> watch))
              .await(TIMEOUT);

      vertx.undeploy(id).await(TIMEOUT);

      assertThat(vertx.deploymentIDs()).isEmpty();
      assertThat(watch.calls).containsExactly("start on virtual", "close");
    } finally {
      vertx.close().await(TIMEOUT);
    }
  }
}
