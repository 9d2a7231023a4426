package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.ClientConnections;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.ReadOnlyControl;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.ReplicationControl;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An engine can die in the middle of an operation. Its first steps are then done by hand here, the
 * engine is replaced by a fresh one (nothing carried over but the stored status), and the cluster
 * must converge with no data lost and never two writable instances.
 */
class CrashSafetyIT {

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
    awaitReplicasHave(cluster.facts(0).gtidExecuted(), 1, 2);
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void switchoverInterruptedBeforeTheSwapLeavesTheOldPrimaryInCharge() throws SQLException {
    // Steps 1 and 2 of a switchover from 0 to 1, then the engine dies.
    new ReadOnlyControl(cluster.connector(0)).makeSuperReadOnly();
    new ClientConnections(cluster.connector(0))
        .killAllExcept(ClusterHarness.settings().operatorUsers());
    assertThat(cluster.writable()).isEmpty();

    cluster.restartEngine();
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    assertThat(cluster.primary()).isZero();
    assertThat(cluster.writable()).containsExactly(0);
    assertThat(cluster.events.reasons()).doesNotContain("SwitchedOver", "FailedOver");
    cluster.execute(0, "INSERT INTO shop.orders VALUES (3, 'after the interruption')");
    assertRowsOnAll(3, 0, 1, 2);
  }

  @Test
  void switchoverInterruptedAfterTheSwapCompletesOnTheNewPrimary() throws SQLException {
    // Every step of a switchover from 0 to 1 up to recording the new primary, then the engine
    // dies before reconfiguring anything.
    new ReadOnlyControl(cluster.connector(0)).makeSuperReadOnly();
    new ClientConnections(cluster.connector(0))
        .killAllExcept(ClusterHarness.settings().operatorUsers());
    awaitReplicasHave(cluster.facts(0).gtidExecuted(), 1);
    StoredStatus read = cluster.store.read();
    assertThat(cluster.store.swapPrimary(read, 1, read.errant())).isTrue();

    cluster.restartEngine();
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    assertThat(cluster.primary()).isEqualTo(1);
    assertThat(cluster.writable()).containsExactly(1);
    assertReplicatesFrom(0, 1);
    assertReplicatesFrom(2, 1);
    cluster.execute(1, "INSERT INTO shop.orders VALUES (3, 'on the new primary')");
    assertRowsOnAll(3, 0, 1, 2);
  }

  @Test
  void failoverInterruptedAfterStoppingIoThreadsCompletesOnAFreshEngine() throws SQLException {
    cluster.instance(0).kill();
    // Step 1 of a failover, then the engine dies.
    for (int replica : new int[] {1, 2}) {
      new ReplicationControl(cluster.connector(replica)).stopIoThread();
    }

    cluster.restartEngine();
    cluster.awaitPass(PassResult::primaryChanged, Duration.ofSeconds(60));

    int primary = cluster.primary();
    int replica = 3 - primary;
    assertThat(primary).isNotZero();
    assertThat(cluster.events.reasons()).contains("FailedOver");
    cluster.awaitState(ClusterState.DEGRADED, Duration.ofSeconds(30));
    assertThat(cluster.writable()).containsExactly(primary);
    assertReplicatesFrom(replica, primary);
    cluster.execute(primary, "INSERT INTO shop.orders VALUES (3, 'after failover')");
    assertRowsOnAll(3, primary, replica);

    // The old primary had nothing its replicas lacked: it comes back as a replica.
    cluster.instance(0).start();
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    assertThat(cluster.store.lastReport().errant()).isEmpty();
    assertReplicatesFrom(0, primary);
    assertRowsOnAll(3, 0, 1, 2);
    assertThat(cluster.writable()).containsExactly(primary);
  }

  @Test
  void failoverInterruptedAfterTheSwapCompletesOnAFreshEngine() throws SQLException {
    cluster.instance(0).kill();
    for (int replica : new int[] {1, 2}) {
      new ReplicationControl(cluster.connector(replica)).stopIoThread();
    }
    StoredStatus read = cluster.store.read();
    assertThat(cluster.store.swapPrimary(read, 2, read.errant())).isTrue();

    cluster.restartEngine();
    cluster.awaitState(ClusterState.DEGRADED, Duration.ofSeconds(60));

    assertThat(cluster.primary()).isEqualTo(2);
    assertThat(cluster.writable()).containsExactly(2);
    assertReplicatesFrom(1, 2);
    cluster.execute(2, "INSERT INTO shop.orders VALUES (3, 'after failover')");
    assertRowsOnAll(3, 1, 2);
  }

  @Test
  void replicaPointedAtAnotherReplicaIsPointedBackAtThePrimary() throws SQLException {
    pointAndStart(1, 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> cluster.facts(1).replicaStatus().map(ReplicaStatus::isReplicating).orElse(false));

    cluster.restartEngine();
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    assertThat(cluster.primary()).isZero();
    assertReplicatesFrom(1, 0);
    cluster.execute(0, "INSERT INTO shop.orders VALUES (3, 'after repointing')");
    assertRowsOnAll(3, 0, 1, 2);
    assertThat(cluster.writable()).containsExactly(0);
  }

  @Test
  void replicaPointedAtItselfIsPointedBackAtThePrimary() throws SQLException {
    pointAndStart(2, 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.facts(2).replicaStatus().map(s -> s.lastIoErrno() != 0).orElse(false));
    cluster.restartEngine();
    PassResult broken = cluster.pass();

    assertThat(broken.decision().state()).isEqualTo(ClusterState.DEGRADED);
    assertThat(broken.decision().message()).contains("instance 2 cannot replicate");
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    assertReplicatesFrom(2, 0);
    cluster.execute(0, "INSERT INTO shop.orders VALUES (3, 'after repointing')");
    assertRowsOnAll(3, 0, 1, 2);
    assertThat(cluster.writable()).containsExactly(0);
  }

  @Test
  void replicaWhoseReplicationWasStoppedIsStartedAgain() throws SQLException {
    new ReplicationControl(cluster.connector(1)).stop();
    cluster.execute(0, "INSERT INTO shop.orders VALUES (3, 'while stopped')");

    cluster.restartEngine();
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    assertReplicatesFrom(1, 0);
    assertRowsOnAll(3, 0, 1, 2);
    assertThat(cluster.writable()).containsExactly(0);
  }

  private void pointAndStart(int replica, int source) {
    ReplicationControl replication = new ReplicationControl(cluster.connector(replica));
    replication.pointAt(ReplicationSource.of(cluster.endpoint(source), ClusterHarness.REPLICATION));
    replication.start();
  }

  private void awaitReplicasHave(GtidSet executed, int... replicas) {
    for (int replica : replicas) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> executed.isSubsetOf(cluster.facts(replica).gtidExecuted()));
    }
  }

  private void assertReplicatesFrom(int replica, int source) {
    InstanceFacts facts = cluster.facts(replica);
    assertThat(facts.superReadOnly()).isTrue();
    assertThat(facts.replicaStatus())
        .hasValueSatisfying(
            s -> {
              assertThat(s.sourceHost()).isEqualTo(cluster.endpoint(source).host());
              assertThat(s.isReplicating()).isTrue();
            });
  }

  private void assertRowsOnAll(int rows, int... instances) {
    for (int instance : instances) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Integer.toString(rows)
                      .equals(cluster.query(instance, "SELECT COUNT(*) FROM shop.orders")));
    }
  }
}
