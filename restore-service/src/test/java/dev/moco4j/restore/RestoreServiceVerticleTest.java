package dev.moco4j.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.service.WatchedNamespaces;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestoreServiceVerticleTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void deploysAndUndeploysCleanly() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String id =
          vertx
              .deployVerticle(
                  new RestoreServiceVerticle(
                      RestoreServiceConfigTest.config(WatchedNamespaces.allNamespaces())))
              .await(TIMEOUT);

      vertx.undeploy(id).await(TIMEOUT);

      assertThat(vertx.deploymentIDs()).isEmpty();
    } finally {
      vertx.close().await(TIMEOUT);
    }
  }
}
