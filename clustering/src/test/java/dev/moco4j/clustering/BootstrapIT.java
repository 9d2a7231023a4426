package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BootstrapIT {

  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private static ClusterHarness cluster;

  @BeforeAll
  static void bootstrap() {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void emptyInstancesBecomeAHealthyClusterWithInstanceZeroAsWritablePrimary() throws SQLException {
    PassResult result = cluster.pass();

    assertThat(result.decision().state()).isEqualTo(ClusterState.HEALTHY);
    assertThat(result.decision().synced()).containsExactly(1, 2);
    assertThat(result.decision().errant()).isEmpty();
    assertThat(cluster.primary()).isZero();
    assertThat(cluster.query(0, "SELECT @@global.super_read_only")).isEqualTo("0");
    assertThat(cluster.query(0, "SELECT @@global.read_only")).isEqualTo("0");
    for (int replica : new int[] {1, 2}) {
      assertThat(cluster.query(replica, "SELECT @@global.super_read_only")).isEqualTo("1");
    }
  }

  @Test
  void rowsWrittenToThePrimaryReachEveryReplica() throws SQLException {
    cluster.execute(
        0,
        "CREATE DATABASE IF NOT EXISTS shop",
        "CREATE TABLE IF NOT EXISTS shop.orders (id INT PRIMARY KEY, item VARCHAR(20))",
        "INSERT INTO shop.orders VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')");

    for (int replica : new int[] {1, 2}) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "3".equals(cluster.query(replica, "SELECT COUNT(*) FROM shop.orders")));
      assertThat(cluster.query(replica, "SELECT item FROM shop.orders WHERE id = 2"))
          .isEqualTo("pear");
    }
  }

  @Test
  void replicasRefuseWritesWithTheReadOnlyError() {
    for (int replica : new int[] {1, 2}) {
      assertThatThrownBy(() -> cluster.execute(replica, "CREATE DATABASE refused"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1290));
    }
  }

  @Test
  void aHealthyClusterNeedsNothingMore() {
    PassResult result = cluster.pass();

    assertThat(result.decision().operation())
        .isInstanceOf(dev.moco4j.clustering.model.Operation.None.class);
    assertThat(result.failures()).isEmpty();
  }
}
