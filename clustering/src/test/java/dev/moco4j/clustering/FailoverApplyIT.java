package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Operation.Failover;
import dev.moco4j.clustering.model.ReachabilityTracker;
import dev.moco4j.mysql.ReplicaStatus.IoThreadState;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failover against replicas whose applier is stuck, and against errant replicas still receiving.
 */
class FailoverApplyIT {

  @RegisterExtension final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private ClusterHarness cluster;
  private final List<Connection> lockHolders = new ArrayList<>();

  @AfterEach
  void close() throws SQLException {
    for (Connection connection : lockHolders) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aFailoverGivesUpOnAStuckApplierAndSucceedsOnceTheApplierIsFree() throws SQLException {
    cluster =
        new ClusterHarness(
            mysqld,
            Seeders.unavailable(),
            ClusterHarness.settings().withFailoverApplyStall(Duration.ofSeconds(3)));
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.execute(
        0,
        "CREATE DATABASE app",
        "CREATE TABLE app.counter (id INT PRIMARY KEY, v INT)",
        "INSERT INTO app.counter VALUES (1, 0)");
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(30));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "0".equals(cluster.query(1, "SELECT v FROM app.counter")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "0".equals(cluster.query(2, "SELECT v FROM app.counter")));
    // A client session on each replica holds a read lock on the table the next transaction
    // updates: the applier waits for it (lock_wait_timeout, a year by default) and applies nothing.
    // A locking row read would be the lighter hold, but super_read_only refuses it.
    lockTable(1);
    lockTable(2);
    cluster.execute(0, "UPDATE app.counter SET v = 1 WHERE id = 1");
    GtidSet committed = cluster.facts(0).gtidExecuted();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> committed.isSubsetOf(retrieved(1)) && committed.isSubsetOf(retrieved(2)));
    cluster.instance(0).kill();

    PassResult gaveUp =
        cluster.awaitPass(
            r ->
                r.failures().stream()
                    .anyMatch(f -> f.reason().contains("did not apply its relay log")),
            Duration.ofSeconds(60));

    assertThat(gaveUp.primaryChanged()).isFalse();
    assertThat(gaveUp.decision().state()).isEqualTo(ClusterState.FAILED);
    assertThat(cluster.primary()).isZero();
    assertThat(cluster.events.all())
        .anySatisfy(
            e -> {
              assertThat(e.reason()).isEqualTo("FailoverFailed");
              assertThat(e.message()).contains("applied nothing");
            });

    for (Connection connection : lockHolders) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("UNLOCK TABLES");
      }
    }
    cluster.awaitPass(PassResult::primaryChanged, Duration.ofSeconds(60));

    int primary = cluster.primary();
    assertThat(primary).isIn(1, 2);
    assertThat(cluster.query(primary, "SELECT v FROM app.counter")).isEqualTo("1");
    assertThat(cluster.writable()).containsExactly(primary);
  }

  /**
   * With three instances an errant replica leaves too few for a failover, so the run is driven
   * directly: it gives up for want of a majority, but only after stopping every receiver.
   */
  @Test
  void aFailoverStopsTheReceiverOfAnErrantReplicaToo() {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.instance(0).kill();
    StoredStatus errantTwo = new StoredStatus(0, Set.of(2), false, "1");
    Instances instances =
        new Instances(ClusterHarness.definition(mysqld), ClusterHarness.settings());
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Observer observer =
          new Observer(
              instances,
              new ReachabilityTracker(ClusterHarness.DOWN_AFTER),
              Clock.systemUTC(),
              executor);
      RunOutcome outcome =
          new FailoverRun(instances, observer, cluster.store, cluster.events, Clock.systemUTC())
              .run(new Failover(0, List.of(1)), errantTwo, List.of(1, 2));

      assertThat(outcome.primaryChanged()).isFalse();
    } finally {
      executor.shutdownNow();
    }
    assertThat(cluster.facts(2).replicaStatus().orElseThrow().ioThread())
        .isEqualTo(IoThreadState.STOPPED);
    assertThat(cluster.facts(1).replicaStatus().orElseThrow().ioThread())
        .isEqualTo(IoThreadState.STOPPED);
  }

  private void lockTable(int instance) throws SQLException {
    Connection connection = cluster.instance(instance).connect();
    lockHolders.add(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute("LOCK TABLES app.counter READ");
    }
  }

  private GtidSet retrieved(int instance) {
    return cluster.facts(instance).replicaStatus().orElseThrow().retrievedGtidSet();
  }
}
