package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/** A cluster whose primary replicates from a MySQL outside the cluster and stays read-only. */
class IntermediatePrimaryIT {

  @RegisterExtension static final MysqldCluster external = MysqldCluster.withInstances(1).build();
  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private static ClusterHarness cluster;

  @BeforeAll
  static void replicateFromTheExternalSource() throws SQLException {
    try (var connection = external.instance(0).connect();
        var statement = connection.createStatement()) {
      statement.execute("CREATE USER 'upstream'@'%' IDENTIFIED BY 'upstream-secret'");
      statement.execute(
          "GRANT REPLICATION SLAVE, REPLICATION CLIENT, SELECT, RELOAD, SHOW VIEW ON *.*"
              + " TO 'upstream'@'%'");
      statement.execute("CREATE DATABASE legacy");
      statement.execute("CREATE TABLE legacy.customers (id INT PRIMARY KEY, name VARCHAR(40))");
      statement.execute("INSERT INTO legacy.customers VALUES (1, 'first'), (2, 'second')");
    }
    ReplicationSource source =
        ReplicationSource.of(
            new MySqlEndpoint(external.instance(0).host(), external.instance(0).port()),
            new Credentials("upstream", "upstream-secret"));
    cluster =
        new ClusterHarness(
            mysqld,
            Seeders.unavailable(),
            ClusterHarness.definition(mysqld).withExternalSource(source));
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(90));
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void dataFromTheExternalSourceReachesEveryInstance() throws SQLException {
    try (var connection = external.instance(0).connect();
        var statement = connection.createStatement()) {
      statement.execute("INSERT INTO legacy.customers VALUES (3, 'third')");
    }

    for (int i = 0; i < 3; i++) {
      int instance = i;
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> "3".equals(cluster.query(instance, "SELECT COUNT(*) FROM legacy.customers")));
    }
    assertThat(cluster.events.reasons()).contains("Cloned");
  }

  @Test
  void theIntermediatePrimaryStaysReadOnlyAndReplicatesFromOutside() throws SQLException {
    assertThat(cluster.query(0, "SELECT @@global.super_read_only")).isEqualTo("1");
    var status =
        new dev.moco4j.mysql.InstanceFactsQuery(
                new dev.moco4j.mysql.MySqlConnector(
                    new MySqlEndpoint(cluster.instance(0).host(), 3306),
                    dev.moco4j.mysql.ConnectionSettings.of(ClusterHarness.ADMIN)))
            .read()
            .replicaStatus()
            .orElseThrow();
    assertThat(status.sourceHost()).isEqualTo(external.instance(0).host());
    assertThat(status.isReplicating()).isTrue();
    assertThatThrownBy(() -> cluster.execute(0, "INSERT INTO legacy.customers VALUES (9, 'x')"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1290));
    PassResult pass = cluster.pass();
    assertThat(pass.decision().state()).isEqualTo(ClusterState.HEALTHY);
    assertThat(pass.decision().synced()).containsExactly(1, 2);
  }
}
