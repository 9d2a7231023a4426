package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A former primary whose data is wiped keeps its server_id, and the receiver thread drops events
 * that carry the replica's own server_id: rebuilt from binary logs it would silently miss every
 * transaction it wrote as primary, even with every binary log still on the new primary. It must get
 * a copy instead, and then hold exactly the primary's rows.
 */
class RebuiltFormerPrimaryIT {

  @RegisterExtension final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private ClusterHarness cluster;

  @AfterEach
  void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aWipedFormerPrimaryIsSeededAndHoldsEveryRowOfEveryTable() throws SQLException {
    cluster = new ClusterHarness(mysqld, Seeders.mysql());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    // Written on instance 0: these events carry instance 0's server_id.
    cluster.execute(
        0,
        "CREATE DATABASE shop",
        "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(40))",
        "INSERT INTO shop.orders VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')",
        "CREATE TABLE shop.stock (item VARCHAR(40) PRIMARY KEY, count INT)",
        "INSERT INTO shop.stock VALUES ('apple', 10), ('pear', 4)");
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(30));
    awaitChecksumsEqual(1, 0);
    awaitChecksumsEqual(2, 0);

    cluster.instance(0).kill();
    cluster.awaitPass(PassResult::primaryChanged, Duration.ofSeconds(60));
    int primary = cluster.primary();
    assertThat(primary).isNotZero();
    cluster.execute(
        primary,
        "INSERT INTO shop.orders VALUES (4, 'after failover')",
        "UPDATE shop.stock SET count = count - 1 WHERE item = 'apple'");
    // Every binary log stays on the new primary: nothing was purged.
    assertThat(cluster.query(primary, "SELECT @@global.gtid_purged")).isEmpty();

    cluster.instance(0).reinitialize();
    cluster.awaitPass(
        r -> r.decision().state() == ClusterState.HEALTHY && r.decision().synced().contains(0),
        Duration.ofMinutes(2));

    awaitChecksumsEqual(0, primary);
    assertThat(cluster.query(0, "SELECT COUNT(*) FROM shop.orders")).isEqualTo("4");
    assertThat(cluster.query(0, "SELECT count FROM shop.stock WHERE item = 'apple'"))
        .isEqualTo("9");
    assertThat(cluster.facts(0).gtidExecuted()).isEqualTo(cluster.facts(primary).gtidExecuted());
    assertThat(cluster.writable()).containsExactly(primary);
  }

  private void awaitChecksumsEqual(int instance, int reference) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(checksums(instance)).isEqualTo(checksums(reference)).isNotEmpty());
  }

  /** CHECKSUM TABLE of every table outside the system schemas, by name. */
  private Map<String, String> checksums(int index) throws SQLException {
    Map<String, String> sums = new TreeMap<>();
    try (Connection connection = mysqld.instance(index).connect();
        Statement statement = connection.createStatement()) {
      StringBuilder tables = new StringBuilder();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT CONCAT('`', table_schema, '`.`', table_name, '`') FROM"
                  + " information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema"
                  + " NOT IN ('mysql', 'sys', 'performance_schema', 'information_schema')")) {
        while (rs.next()) {
          tables.append(tables.isEmpty() ? "" : ", ").append(rs.getString(1));
        }
      }
      if (tables.isEmpty()) {
        return sums;
      }
      try (ResultSet rs = statement.executeQuery("CHECKSUM TABLE " + tables)) {
        while (rs.next()) {
          sums.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return sums;
  }
}
