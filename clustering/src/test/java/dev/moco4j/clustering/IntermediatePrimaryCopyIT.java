package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An external source whose binary logs no longer hold its whole history: the cluster's primary
 * first copies its data (CLONE INSTANCE where both sides have the plugin; a logical copy here,
 * where the test mysqld has none), then replicates from it.
 */
class IntermediatePrimaryCopyIT {

  @RegisterExtension static final MysqldCluster external = MysqldCluster.withInstances(1).build();
  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private static ClusterHarness cluster;

  @BeforeAll
  static void startFromAnExternalSourceWithPurgedBinlogs() throws SQLException {
    try (var connection = external.instance(0).connect();
        var statement = connection.createStatement()) {
      statement.execute("CREATE USER 'upstream'@'%' IDENTIFIED BY 'upstream-secret'");
      statement.execute(
          "GRANT REPLICATION SLAVE, REPLICATION CLIENT, SELECT, RELOAD, SHOW VIEW, TRIGGER,"
              + " EVENT, SHOW DATABASES, LOCK TABLES ON *.* TO 'upstream'@'%'");
      statement.execute("CREATE DATABASE legacy");
      statement.execute("CREATE TABLE legacy.orders (id INT PRIMARY KEY, total DECIMAL(10,2))");
      statement.execute("INSERT INTO legacy.orders VALUES (1, 10.50), (2, 99.99)");
      statement.execute("FLUSH BINARY LOGS");
      statement.execute("PURGE BINARY LOGS BEFORE NOW() + INTERVAL 1 DAY");
    }
    ReplicationSource source =
        ReplicationSource.of(
            new MySqlEndpoint(external.instance(0).host(), external.instance(0).port()),
            new Credentials("upstream", "upstream-secret"));
    cluster =
        new ClusterHarness(
            mysqld, Seeders.mysql(), ClusterHarness.definition(mysqld).withExternalSource(source));
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(120));
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void theCopiedHistoryAndLaterWritesReachEveryInstance() throws SQLException {
    try (var connection = external.instance(0).connect();
        var statement = connection.createStatement()) {
      statement.execute("INSERT INTO legacy.orders VALUES (3, 5.00)");
    }

    for (int i = 0; i < 3; i++) {
      int instance = i;
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> "3".equals(cluster.query(instance, "SELECT COUNT(*) FROM legacy.orders")));
      assertThat(cluster.query(instance, "SELECT total FROM legacy.orders WHERE id = 2"))
          .isEqualTo("99.99");
    }
    assertThat(cluster.events.reasons()).contains("Cloned");
    assertThat(cluster.query(0, "SELECT @@global.super_read_only")).isEqualTo("1");
  }
}
