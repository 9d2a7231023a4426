package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Operation;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Losing instances: one replica only degrades the cluster; the primary together with half of the
 * replicas leaves nothing safe to promote, so the engine waits until enough of them are back.
 */
class DegradedAndLostIT {

  /** Fresh instances for each test: both scenarios take instances away. */
  @RegisterExtension final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private ClusterHarness cluster;

  @BeforeEach
  void healthyClusterWithData() throws SQLException {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.execute(
        0,
        "CREATE DATABASE shop",
        "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(40))",
        "INSERT INTO shop.orders VALUES (1, 'apple'), (2, 'pear')");
    for (int replica : new int[] {1, 2}) {
      awaitRows(replica, 2);
    }
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aStoppedReplicaDegradesTheClusterButNeverMovesThePrimary() throws SQLException {
    cluster.instance(2).stop();

    PassResult detected =
        cluster.awaitPass(
            r -> r.decision().message().contains("instance 2 is DOWN"), Duration.ofSeconds(30));

    assertThat(detected.decision().state()).isEqualTo(ClusterState.DEGRADED);
    for (int pass = 0; pass < 10; pass++) {
      PassResult result = cluster.pass();
      assertThat(result.decision().state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(result.decision().synced()).containsExactly(1);
      assertThat(result.decision().operation())
          .isNotInstanceOf(Operation.Failover.class)
          .isNotInstanceOf(Operation.Switchover.class);
      assertThat(result.primaryChanged()).isFalse();
    }
    assertThat(cluster.primary()).isZero();
    assertThat(cluster.writable()).containsExactly(0);
    cluster.execute(0, "INSERT INTO shop.orders VALUES (3, 'written while degraded')");
    assertThat(cluster.events.reasons()).doesNotContain("FailedOver", "SwitchedOver");

    cluster.instance(2).start();
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    awaitRows(2, 3);
    assertThat(cluster.primary()).isZero();
    assertThat(cluster.store.lastReport().synced()).containsExactly(1, 2);
    assertThat(cluster.writable()).containsExactly(0);
  }

  @Test
  void losingThePrimaryAndHalfTheReplicasPromotesNobodyUntilAReplicaIsBack() throws SQLException {
    cluster.instance(0).kill();
    cluster.instance(1).kill();

    cluster.awaitState(ClusterState.LOST, Duration.ofSeconds(30));

    for (int pass = 0; pass < 10; pass++) {
      PassResult result = cluster.pass();
      assertThat(result.decision().state()).isEqualTo(ClusterState.LOST);
      assertThat(result.decision().operation()).isInstanceOf(Operation.None.class);
      assertThat(result.decision().message())
          .contains("bring instances back")
          .contains("restore from backup");
      assertThat(result.primaryChanged()).isFalse();
    }
    assertThat(cluster.primary()).isZero();
    assertThat(cluster.facts(2).superReadOnly()).isTrue();
    assertThat(cluster.writable()).isEmpty();
    assertThat(cluster.events.reasons()).doesNotContain("FailedOver");
    // A person must act, and is told so once, not on every pass.
    assertThat(cluster.events.reasons()).containsOnlyOnce("ClusterLost");

    cluster.instance(1).start();

    PassResult observedOnly = cluster.pass(clusteringStopped());
    assertThat(observedOnly.decision().state()).isEqualTo(ClusterState.FAILED);
    assertThat(observedOnly.decision().message()).contains("2 of 2 replicas can take over");
    assertThat(cluster.primary()).isZero();

    PassResult failover = cluster.awaitPass(PassResult::primaryChanged, Duration.ofSeconds(60));

    int primary = cluster.primary();
    int replica = 3 - primary;
    assertThat(primary).isNotZero();
    assertThat(failover.failures()).isEmpty();
    assertThat(cluster.events.reasons()).contains("FailedOver");
    cluster.awaitState(ClusterState.DEGRADED, Duration.ofSeconds(30));
    assertThat(cluster.store.lastReport().synced()).containsExactly(replica);
    cluster.execute(primary, "INSERT INTO shop.orders VALUES (3, 'after failover')");
    awaitRows(replica, 3);
    assertThat(cluster.writable()).containsExactly(primary);
  }

  @Test
  void aReplicaBackEmptyCannotVouchForThePrimarysCommitsSoItsDeathLeavesTheClusterLost()
      throws SQLException {
    // Replica 2's volume was replaced; before anything copied data into it, the primary dies. An
    // empty instance acknowledged nothing: one replica of two cannot prove it holds every commit.
    cluster.instance(2).reinitialize();
    cluster.instance(0).kill();

    PassResult lost =
        cluster.awaitPass(
            r -> r.decision().state() != ClusterState.INCOMPLETE, Duration.ofSeconds(30));

    assertThat(lost.decision().state()).isEqualTo(ClusterState.LOST);
    assertThat(lost.decision().message()).contains("only 1 of 2 replicas are usable");
    for (int pass = 0; pass < 5; pass++) {
      PassResult result = cluster.pass();
      assertThat(result.decision().state()).isEqualTo(ClusterState.LOST);
      assertThat(result.primaryChanged()).isFalse();
    }
    assertThat(cluster.primary()).isZero();
    assertThat(cluster.writable()).isEmpty();
    assertThat(cluster.events.reasons()).doesNotContain("FailedOver");
  }

  private static PassInputs clusteringStopped() {
    return new PassInputs(Map.of(), Optional.empty(), false, true);
  }

  private void awaitRows(int instance, int rows) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Integer.toString(rows)
                    .equals(cluster.query(instance, "SELECT COUNT(*) FROM shop.orders")));
  }
}
