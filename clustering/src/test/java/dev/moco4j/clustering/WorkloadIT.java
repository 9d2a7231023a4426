package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.GtidWait;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workload the product promises to carry: every isolation level, large transactions, and
 * temporary tables inside transactions, all replicated to every replica. These depend on how the
 * instances are configured (row-based binary logging with GTIDs, as moco4j pods are): with
 * statement-based logging, for one, InnoDB refuses to log READ COMMITTED transactions.
 */
class WorkloadIT {

  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private static ClusterHarness cluster;

  @BeforeAll
  static void bootstrap() throws SQLException {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.execute(0, "CREATE DATABASE work");
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"})
  void transactionsAtEveryIsolationLevelCommitAndReplicate(String level) throws SQLException {
    String table = "work.level_" + level.replace(' ', '_').toLowerCase();
    cluster.execute(0, "CREATE TABLE " + table + " (id INT PRIMARY KEY, n INT)");
    try (Connection connection = cluster.instance(0).connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL " + level);
      statement.execute("START TRANSACTION");
      statement.execute("INSERT INTO " + table + " VALUES (1, 1), (2, 2), (3, 3)");
      statement.execute("UPDATE " + table + " SET n = n * 10 WHERE id >= 2");
      statement.execute("DELETE FROM " + table + " WHERE id = 1");
      try (ResultSet rs =
          statement.executeQuery("SELECT @@transaction_isolation, SUM(n) FROM " + table)) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(level.replace(' ', '-'));
        assertThat(rs.getInt(2)).isEqualTo(50);
      }
      statement.execute("COMMIT");
    }

    awaitReplicasCaughtUp();
    for (int replica : new int[] {1, 2}) {
      assertThat(cluster.query(replica, "SELECT SUM(n) FROM " + table)).isEqualTo("50");
    }
  }

  @Test
  void aReadCommittedReaderSeesACommitThatARepeatableReadSnapshotDoesNot() throws SQLException {
    cluster.execute(0, "CREATE TABLE work.visibility (id INT PRIMARY KEY)");
    try (Connection committed = cluster.instance(0).connect();
        Connection repeatable = cluster.instance(0).connect();
        Statement rc = committed.createStatement();
        Statement rr = repeatable.createStatement()) {
      rc.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
      rr.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      rc.execute("START TRANSACTION");
      rr.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");

      cluster.execute(0, "INSERT INTO work.visibility VALUES (1)");

      assertThat(count(rc, "work.visibility")).isEqualTo(1);
      assertThat(count(rr, "work.visibility")).isZero();
      rc.execute("COMMIT");
      rr.execute("COMMIT");
    }
  }

  @Test
  void aTransactionWithQuarterGigabyteOfRowsReplicatesToEveryReplica() throws SQLException {
    cluster.execute(0, "CREATE TABLE work.big (id INT PRIMARY KEY, payload LONGTEXT NOT NULL)");
    try (Connection connection = cluster.instance(0).connect();
        Statement statement = connection.createStatement()) {
      connection.setNetworkTimeout(Runnable::run, (int) Duration.ofMinutes(10).toMillis());
      statement.execute("SET SESSION cte_max_recursion_depth = 2000");
      statement.execute("START TRANSACTION");
      // 1024 rows of 256 KiB each: 256 MiB of row data in one transaction, generated server-side.
      statement.execute(
          "INSERT INTO work.big (id, payload) WITH RECURSIVE seq (n) AS"
              + " (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 1024)"
              + " SELECT n, REPEAT(CHAR(65 + n % 26), 262144) FROM seq");
      statement.execute("COMMIT");
    }
    String expected = "1024 268435456";
    String sql = "SELECT CONCAT(COUNT(*), ' ', SUM(LENGTH(payload))) FROM work.big";
    assertThat(cluster.query(0, sql)).isEqualTo(expected);

    awaitReplicasCaughtUp();
    for (int replica : new int[] {1, 2}) {
      assertThat(cluster.query(replica, sql)).isEqualTo(expected);
      assertThat(cluster.query(replica, "CHECKSUM TABLE work.big"))
          .isEqualTo(cluster.query(0, "CHECKSUM TABLE work.big"));
    }
  }

  @Test
  void temporaryTablesCanBeCreatedAndDroppedInsideATransaction() throws SQLException {
    cluster.execute(0, "CREATE TABLE work.totals (customer INT PRIMARY KEY, total INT)");
    try (Connection connection = cluster.instance(0).connect();
        Statement statement = connection.createStatement()) {
      statement.execute("START TRANSACTION");
      statement.execute("CREATE TEMPORARY TABLE work.staging (customer INT, amount INT)");
      statement.execute("INSERT INTO work.staging VALUES (1, 10), (1, 5), (2, 7)");
      statement.execute(
          "INSERT INTO work.totals SELECT customer, SUM(amount) FROM work.staging"
              + " GROUP BY customer");
      statement.execute("DROP TEMPORARY TABLE work.staging");
      statement.execute("COMMIT");
    }

    awaitReplicasCaughtUp();
    for (int replica : new int[] {1, 2}) {
      assertThat(cluster.query(replica, "SELECT total FROM work.totals WHERE customer = 1"))
          .isEqualTo("15");
      assertThat(cluster.query(replica, "SELECT COUNT(*) FROM work.totals")).isEqualTo("2");
    }
    assertThat(cluster.pass().decision().state()).isEqualTo(ClusterState.HEALTHY);
  }

  private static int count(Statement statement, String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void awaitReplicasCaughtUp() {
    GtidSet primary = new InstanceFactsQuery(connector(0)).read().gtidExecuted();
    for (int replica : new int[] {1, 2}) {
      await()
          .atMost(Duration.ofMinutes(5))
          .until(
              () ->
                  new GtidWait(connector(replica)).awaitExecuted(primary, Duration.ofSeconds(30)));
    }
  }

  private static MySqlConnector connector(int index) {
    return new MySqlConnector(
        new MySqlEndpoint(cluster.instance(index).host(), cluster.instance(index).port()),
        ConnectionSettings.of(ClusterHarness.ADMIN));
  }
}
