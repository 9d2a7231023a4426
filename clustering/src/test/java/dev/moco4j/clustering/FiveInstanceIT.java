package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Operation;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Five instances: failover while more than half of the replicas survive, and no further. */
class FiveInstanceIT {

  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(5).build();

  private static ClusterHarness cluster;

  @BeforeAll
  static void bootstrap() {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(90));
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void failsOverTwiceThenRefusesOnceHalfTheReplicasAreGone() throws Exception {
    cluster.execute(0, "CREATE DATABASE five", "CREATE TABLE five.t (id INT PRIMARY KEY)");
    cluster.execute(0, "INSERT INTO five.t VALUES (1)");

    // First failure: 4 of 4 replicas usable.
    int first = failPrimary();
    // Second failure: 3 of 4 replicas usable, still more than half.
    int second = failPrimary();
    assertThat(second).isNotEqualTo(first);
    cluster.execute(second, "INSERT INTO five.t VALUES (2)");

    // Third failure: only 2 of 4 replicas are left, which is not more than half: LOST.
    cluster.instance(second).kill();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> cluster.pass().decision().state() == ClusterState.LOST);
    for (int pass = 0; pass < 5; pass++) {
      PassResult result = cluster.pass();
      assertThat(result.decision().operation()).isInstanceOf(Operation.None.class);
      assertThat(result.primaryChanged()).isFalse();
    }
    assertThat(cluster.primary()).isEqualTo(second);
    for (int i = 0; i < 5; i++) {
      if (cluster.instance(i).isRunning()) {
        assertThat(cluster.query(i, "SELECT @@global.super_read_only")).isEqualTo("1");
        assertThat(cluster.query(i, "SELECT COUNT(*) FROM five.t")).isEqualTo("2");
      }
    }
  }

  private static int failPrimary() {
    int old = cluster.primary();
    cluster.instance(old).kill();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> cluster.pass().primaryChanged());
    int now = cluster.primary();
    assertThat(now).isNotEqualTo(old);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> cluster.pass().decision().state() != ClusterState.FAILED);
    return now;
  }
}
