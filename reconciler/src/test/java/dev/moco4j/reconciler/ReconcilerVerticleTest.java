package dev.moco4j.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.service.WatchedNamespaces;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcilerVerticleTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * Nothing listens on port 1: the Lease campaign keeps failing, which must not block a stop.
   * Without retries, so that releasing the Lease on stop gives up at once.
   */
  private static KubernetesClient unreachableApiServer() {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder()
                .withMasterUrl("https://127.0.0.1:1")
                .withRequestRetryBackoffLimit(0)
                .build())
        .build();
  }

  @Test
  void deploysAndUndeploysCleanlyWhileTheApiServerIsUnreachable() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String id =
          vertx
              .deployVerticle(
                  new ReconcilerVerticle(
                      ReconcilerConfigTest.config(WatchedNamespaces.allNamespaces()),
                      ReconcilerVerticleTest::unreachableApiServer))
              .await(TIMEOUT);

      vertx.undeploy(id).await(TIMEOUT);

      assertThat(vertx.deploymentIDs()).isEmpty();
    } finally {
      vertx.close().await(TIMEOUT);
    }
  }
}
