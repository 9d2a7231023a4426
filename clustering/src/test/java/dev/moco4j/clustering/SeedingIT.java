package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An instance that comes back empty (its volume was replaced) while the primary has purged binary
 * logs gets a copy of the data before it replicates. The test mysqld has no clone plugin, so this
 * exercises the logical copy; CLONE INSTANCE is chosen where both sides have the plugin.
 */
class SeedingIT {

  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private static ClusterHarness cluster;

  @BeforeAll
  static void bootstrap() throws SQLException {
    cluster = new ClusterHarness(mysqld, Seeders.mysql());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    // Binary logs that hold the history are gone: replication alone cannot rebuild it.
    cluster.purgedHistory(0);
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void anEmptyReplicaIsSeededThenReplicatesAndTheClusterIsHealthyAgain() throws SQLException {
    assertThat(cluster.query(0, "SELECT @@global.gtid_purged")).isNotEmpty();

    cluster.instance(2).reinitialize();
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofMinutes(2));
    cluster.execute(0, "INSERT INTO inventory.items VALUES (5, 'washer', 0.05)");
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(30));

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "5".equals(cluster.query(2, "SELECT COUNT(*) FROM inventory.items")));
    assertThat(cluster.query(2, "CHECKSUM TABLE inventory.items"))
        .isEqualTo(cluster.query(0, "CHECKSUM TABLE inventory.items"));
    assertThat(cluster.query(2, "SELECT @@global.gtid_executed"))
        .isEqualTo(cluster.query(0, "SELECT @@global.gtid_executed"));
    assertThat(cluster.query(2, "SELECT COUNT(*) FROM mysql.user WHERE user = 'shop'"))
        .isEqualTo("1");
    assertThat(cluster.query(2, "SELECT @@global.super_read_only")).isEqualTo("1");
  }

  @Test
  void theStatusWarnsThatReplicationIsAsynchronousWithoutTheSemiSyncPlugins() {
    cluster.pass();

    assertThat(cluster.store.lastReport().warnings())
        .singleElement()
        .asString()
        .contains("semi-synchronous replication is unavailable", "[0, 1, 2]");
  }
}
