package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code spec.errantReplicaRecovery: Reinitialize}, an errant replica is reported (status and
 * Event, with its errant GTID set), emptied, seeded from a healthy instance, and replicates again.
 * The test mysqld has no clone plugin, so the seed is the logical copy.
 */
class ErrantRecoveryIT {

  @RegisterExtension final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private ClusterHarness cluster;

  @AfterEach
  void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void anErrantReplicaIsReportedEmptiedSeededAndReplicatesAgain() throws SQLException {
    cluster =
        new ClusterHarness(
            mysqld,
            Seeders.mysql(),
            ClusterHarness.definition(mysqld).withErrantReplicaRecovery(true));
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.execute(
        0,
        "CREATE DATABASE shop",
        "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(40))",
        "INSERT INTO shop.orders VALUES (1, 'apple'), (2, 'pear')");
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(30));
    String uuid = cluster.query(2, "SELECT @@global.server_uuid");
    cluster.execute(
        2,
        "SET GLOBAL super_read_only = OFF",
        "CREATE DATABASE written_on_a_replica",
        "INSERT INTO shop.orders VALUES (99, 'errant')",
        "SET GLOBAL super_read_only = ON");

    PassResult found =
        cluster.awaitPass(r -> r.decision().errant().contains(2), Duration.ofSeconds(30));
    assertThat(cluster.store.lastReport().errantTransactions())
        .containsEntry(2, GtidSet.of(uuid, 1, 2));
    assertThat(found.decision().state()).isEqualTo(ClusterState.DEGRADED);

    cluster.awaitPass(
        r -> r.decision().state() == ClusterState.HEALTHY && r.decision().synced().contains(2),
        Duration.ofMinutes(2));

    assertThat(cluster.events.reasons()).contains("ErrantReplicas", "ReinitializingErrantReplica");
    assertThat(cluster.events.messages())
        .anyMatch(m -> m.contains("instance 2 holds errant transactions " + uuid + ":1-2"));
    assertThat(cluster.query(2, "SELECT COUNT(*) FROM shop.orders")).isEqualTo("2");
    assertThat(cluster.query(2, "SHOW DATABASES LIKE 'written_on_a_replica'")).isNull();
    assertThat(cluster.facts(2).gtidExecuted()).isEqualTo(cluster.facts(0).gtidExecuted());
    cluster.execute(0, "INSERT INTO shop.orders VALUES (3, 'after the recovery')");
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(30));
    assertThat(cluster.query(2, "SELECT item FROM shop.orders WHERE id = 3"))
        .isEqualTo("after the recovery");
    assertThat(cluster.primary()).isZero();
    assertThat(cluster.writable()).containsExactly(0);
  }
}
