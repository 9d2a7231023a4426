package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.ReplicationControl;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An old primary that committed a transaction no replica received comes back after a failover: it
 * is errant, and must stay out of the cluster instead of quietly replicating from the new primary.
 */
class ErrantIT {

  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private static final int OLD_PRIMARY = 0;

  private static ClusterHarness cluster;
  private static int newPrimary;
  private static int otherReplica;
  private static PassResult firstPassWithOldPrimaryBack;

  @BeforeAll
  static void failOverAwayFromAPrimaryWithAnUnreplicatedTransaction() throws SQLException {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.execute(
        OLD_PRIMARY,
        "CREATE DATABASE shop",
        "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(20))",
        "INSERT INTO shop.orders VALUES (1, 'apple')");
    String executed = cluster.query(OLD_PRIMARY, "SELECT @@global.gtid_executed");
    for (int replica : new int[] {1, 2}) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> cluster.facts(replica).gtidExecuted().toString().equals(executed));
      // The replicas receive nothing more: the next commit exists only on the primary.
      new ReplicationControl(cluster.connector(replica)).stopIoThread();
    }
    cluster.execute(OLD_PRIMARY, "INSERT INTO shop.orders VALUES (2, 'never replicated')");

    cluster.instance(OLD_PRIMARY).kill();
    cluster.awaitPass(PassResult::primaryChanged, Duration.ofSeconds(60));
    newPrimary = cluster.primary();
    otherReplica = 3 - newPrimary;

    // Back as a restarted pod: same data, super_read_only=ON from its configuration.
    cluster.instance(OLD_PRIMARY).start();
    firstPassWithOldPrimaryBack =
        cluster.awaitPass(r -> !r.decision().message().contains("is DOWN"), Duration.ofSeconds(30));
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @AfterEach
  void onlyTheNewPrimaryTakesWrites() {
    assertThat(cluster.writable()).containsExactly(newPrimary);
  }

  @Test
  void failoverPromotesAReplicaThatNeverSawTheUnreplicatedRow() throws SQLException {
    assertThat(newPrimary).isNotEqualTo(OLD_PRIMARY);
    assertThat(cluster.events.all())
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo("Warning");
              assertThat(e.reason()).isEqualTo("FailedOver");
            });
    assertThat(cluster.query(newPrimary, "SELECT COUNT(*) FROM shop.orders WHERE id = 2"))
        .isEqualTo("0");
    assertThat(cluster.query(OLD_PRIMARY, "SELECT item FROM shop.orders WHERE id = 2"))
        .isEqualTo("never replicated");
  }

  @Test
  void oldPrimaryWithATransactionTheNewPrimaryLacksIsReportedErrant() {
    assertThat(firstPassWithOldPrimaryBack.decision().errant()).containsExactly(OLD_PRIMARY);
    assertThat(firstPassWithOldPrimaryBack.decision().state()).isEqualTo(ClusterState.DEGRADED);
    assertThat(firstPassWithOldPrimaryBack.decision().message()).contains("errant: [0]");
    assertThat(cluster.store.read().errant()).containsExactly(OLD_PRIMARY);
    assertThat(cluster.store.lastReport().errant()).containsExactly(OLD_PRIMARY);
    assertThat(cluster.store.lastReport().synced()).containsExactly(otherReplica);
    assertThat(cluster.events.all())
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo("Warning");
              assertThat(e.reason()).isEqualTo("ErrantReplicas");
              assertThat(e.message()).contains("[0]");
            });
  }

  @Test
  void errantInstanceNeverBecomesAReplicaSilently() throws SQLException {
    for (int pass = 0; pass < 15; pass++) {
      PassResult result = cluster.pass();

      assertThat(result.decision().state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(result.decision().errant()).containsExactly(OLD_PRIMARY);
      assertThat(result.decision().synced()).containsExactly(otherReplica);
      assertThat(result.primaryChanged()).isFalse();
      assertNotReplicating(cluster.facts(OLD_PRIMARY));
    }
    assertThat(cluster.facts(OLD_PRIMARY).superReadOnly()).isTrue();
    assertThat(cluster.primary()).isEqualTo(newPrimary);
  }

  @Test
  void writesOnTheNewPrimaryReachTheHealthyReplicaButNotTheErrantOne() throws SQLException {
    cluster.execute(newPrimary, "INSERT INTO shop.orders VALUES (3, 'after failover')");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "1"
                    .equals(
                        cluster.query(
                            otherReplica, "SELECT COUNT(*) FROM shop.orders WHERE id = 3")));
    for (int pass = 0; pass < 5; pass++) {
      cluster.pass();
    }
    assertThat(cluster.query(OLD_PRIMARY, "SELECT COUNT(*) FROM shop.orders WHERE id = 3"))
        .isEqualTo("0");
  }

  @Test
  void errantInstanceSomeonePointedAtTheNewPrimaryIsStoppedAgain() {
    ReplicationControl replication = new ReplicationControl(cluster.connector(OLD_PRIMARY));
    replication.pointAt(
        ReplicationSource.of(cluster.endpoint(newPrimary), ClusterHarness.REPLICATION));
    replication.start();
    assertThat(cluster.facts(OLD_PRIMARY).replicaStatus()).isPresent();

    PassResult result = cluster.pass();

    assertThat(result.decision().errant()).containsExactly(OLD_PRIMARY);
    assertThat(result.decision().state()).isEqualTo(ClusterState.DEGRADED);
    assertNotReplicating(cluster.facts(OLD_PRIMARY));
  }

  @Test
  void errantInstanceStaysExcludedAfterAFreshEngine() {
    cluster.restartEngine();

    for (int pass = 0; pass < 5; pass++) {
      PassResult result = cluster.pass();

      assertThat(result.decision().errant()).containsExactly(OLD_PRIMARY);
      assertThat(result.decision().state()).isEqualTo(ClusterState.DEGRADED);
      assertNotReplicating(cluster.facts(OLD_PRIMARY));
    }
    assertThat(cluster.store.read().errant()).containsExactly(OLD_PRIMARY);
    assertThat(cluster.primary()).isEqualTo(newPrimary);
  }

  private static void assertNotReplicating(InstanceFacts facts) {
    Optional<ReplicaStatus> status = facts.replicaStatus();
    status.ifPresent(
        s -> {
          assertThat(s.ioThread()).isEqualTo(ReplicaStatus.IoThreadState.STOPPED);
          assertThat(s.sqlThreadRunning()).isFalse();
        });
  }
}
