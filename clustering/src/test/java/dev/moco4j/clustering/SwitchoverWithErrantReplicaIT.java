package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Operation;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A switchover requested in the very pass that first finds an errant replica: recording the errant
 * replica in the status must not make the switchover's own compare-and-swap fail.
 */
class SwitchoverWithErrantReplicaIT {

  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private static ClusterHarness cluster;

  @BeforeAll
  static void healthyCluster() {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void switchoverInThePassThatFindsAnErrantReplicaMovesThePrimary() throws SQLException {
    // Someone writes straight to replica 2, lifting super_read_only for a moment.
    cluster.execute(
        2,
        "SET GLOBAL super_read_only = OFF",
        "CREATE DATABASE written_on_a_replica",
        "SET GLOBAL super_read_only = ON");

    PassResult result = cluster.pass(PassInputs.switchoverTo(Optional.empty()));

    assertThat(result.decision().errant()).containsExactly(2);
    assertThat(result.failures()).isEmpty();
    assertThat(result.primaryChanged()).isTrue();
    assertThat(cluster.primary()).isEqualTo(1);
    assertThat(cluster.events.reasons())
        .contains("SwitchedOver")
        .doesNotContain("SwitchoverFailed");
    assertThat(cluster.store.read().errant()).containsExactly(2);
    PassResult after = cluster.pass();
    assertThat(after.decision().operation()).isInstanceOf(Operation.None.class);
    assertThat(after.decision().state()).isEqualTo(ClusterState.DEGRADED);
    assertThat(after.decision().synced()).containsExactly(0);
    assertThat(cluster.writable()).containsExactly(1);
  }
}
