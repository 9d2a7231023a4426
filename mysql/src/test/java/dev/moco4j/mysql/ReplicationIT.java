package dev.moco4j.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.mysql.ReplicaStatus.IoThreadState;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplicationIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(2).build();

  private static final Credentials ROOT = new Credentials("root", "");
  private static final Credentials REPLICATION = new Credentials("repl", "repl-secret");

  private static MySqlConnector source;
  private static MySqlConnector replica;

  @BeforeAll
  static void replicateFromFirstInstanceToSecond() throws SQLException {
    source = connector(mysqld.instance(0));
    replica = connector(mysqld.instance(1));
    execute(
        mysqld.instance(0),
        "CREATE USER 'repl'@'%' IDENTIFIED BY 'repl-secret'",
        "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%'",
        "CREATE DATABASE app",
        "CREATE TABLE app.items (id INT PRIMARY KEY, name VARCHAR(40))");

    new ReplicationControl(replica).pointAt(ReplicationSource.of(source.endpoint(), REPLICATION));
    new ReplicationControl(replica).start();
    new ReadOnlyControl(replica).makeSuperReadOnly();
    awaitReplicaCaughtUp();
  }

  @Test
  void rowsWrittenOnTheSourceAppearOnTheReplica() throws SQLException {
    for (int id = 1; id <= 100; id++) {
      execute(mysqld.instance(0), "INSERT INTO app.items VALUES (" + id + ", 'item " + id + "')");
    }

    awaitReplicaCaughtUp();

    assertThat(queryString(mysqld.instance(1), "SELECT COUNT(*) FROM app.items WHERE id <= 100"))
        .isEqualTo("100");
    assertThat(queryString(mysqld.instance(1), "SELECT name FROM app.items WHERE id = 57"))
        .isEqualTo("item 57");
  }

  @Test
  void replicaIsSuperReadOnlyAndRefusesWritesWithMysqlsReadOnlyError() {
    InstanceFacts facts = new InstanceFactsQuery(replica).read();
    assertThat(facts.superReadOnly()).isTrue();
    assertThat(facts.readOnly()).isTrue();

    assertThatThrownBy(() -> execute(mysqld.instance(1), "INSERT INTO app.items VALUES (-1, 'x')"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1290))
        .hasMessageContaining("--super-read-only");
  }

  @Test
  void factsReadBackMatchWhatTheServersSay() throws SQLException {
    execute(mysqld.instance(0), "INSERT INTO app.items VALUES (1000, 'facts')");
    awaitReplicaCaughtUp();

    InstanceFacts sourceFacts = new InstanceFactsQuery(source).read();
    InstanceFacts replicaFacts = new InstanceFactsQuery(replica).read();

    assertThat(sourceFacts.gtidExecuted())
        .isEqualTo(GtidSet.parse(queryString(mysqld.instance(0), "SELECT @@global.gtid_executed")))
        .isNotEqualTo(GtidSet.EMPTY);
    assertThat(sourceFacts.gtidExecuted().uuids()).containsExactly(sourceFacts.serverUuid());
    assertThat(sourceFacts.serverUuid())
        .isEqualTo(queryString(mysqld.instance(0), "SELECT @@server_uuid"));
    assertThat(sourceFacts.version()).isEqualTo("8.0.31");
    assertThat(sourceFacts.replicaStatus()).isEmpty();
    assertThat(sourceFacts.superReadOnly()).isFalse();
    assertThat(sourceFacts.activePlugins()).contains("InnoDB", "binlog");
    assertThat(sourceFacts.sessions()).hasValue(new Sessions(1, 0));
    assertThat(replicaFacts.sessions()).hasValue(new Sessions(0, 0));
    assertThat(sourceFacts.replicas())
        .singleElement()
        .satisfies(
            host -> {
              assertThat(host.serverId()).isEqualTo(replicaFacts.serverId());
              assertThat(host.host()).isEqualTo(mysqld.instance(1).host());
              assertThat(host.replicaUuid()).isEqualTo(replicaFacts.serverUuid());
            });

    ReplicaStatus status = replicaFacts.replicaStatus().orElseThrow();
    assertThat(status.sourceHost()).isEqualTo(mysqld.instance(0).host());
    assertThat(status.sourcePort()).isEqualTo(3306);
    assertThat(status.sourceUser()).isEqualTo("repl");
    assertThat(status.sourceUuid()).isEqualTo(sourceFacts.serverUuid());
    assertThat(status.ioThread()).isEqualTo(IoThreadState.RUNNING);
    assertThat(status.sqlThreadRunning()).isTrue();
    assertThat(status.isReplicating()).isTrue();
    assertThat(status.autoPosition()).isTrue();
    assertThat(status.lastIoErrno()).isZero();
    assertThat(status.lastSqlErrno()).isZero();
    assertThat(status.retrievedGtidSet()).isEqualTo(sourceFacts.gtidExecuted());
    assertThat(status.executedGtidSet()).isEqualTo(replicaFacts.gtidExecuted());
    assertThat(replicaFacts.gtidExecuted()).isEqualTo(sourceFacts.gtidExecuted());
  }

  @Test
  void stoppedIoThreadRetrievesNothingUntilStartedAgain() throws SQLException {
    ReplicationControl control = new ReplicationControl(replica);
    control.stopIoThread();
    try {
      ReplicaStatus stopped = new InstanceFactsQuery(replica).read().replicaStatus().orElseThrow();
      assertThat(stopped.ioThread()).isEqualTo(IoThreadState.STOPPED);
      assertThat(stopped.sqlThreadRunning()).isTrue();

      execute(mysqld.instance(0), "INSERT INTO app.items VALUES (2000, 'while stopped')");
      GtidSet sourceGtids = new InstanceFactsQuery(source).read().gtidExecuted();

      assertThat(new GtidWait(replica).awaitExecuted(sourceGtids, Duration.ofSeconds(1))).isFalse();
      assertThat(new InstanceFactsQuery(replica).read().gtidExecuted().isSubsetOf(sourceGtids))
          .isTrue();
    } finally {
      control.startIoThread();
    }
    awaitReplicaCaughtUp();
    assertThat(queryString(mysqld.instance(1), "SELECT name FROM app.items WHERE id = 2000"))
        .isEqualTo("while stopped");
  }

  @Test
  void superReadOnlySourceRefusesWritesUntilMadeWritableAgain() throws SQLException {
    ReadOnlyControl control = new ReadOnlyControl(source);
    control.makeSuperReadOnly();
    try {
      assertThatThrownBy(
              () -> execute(mysqld.instance(0), "INSERT INTO app.items VALUES (3000, 'no')"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1290));
    } finally {
      control.makeWritable();
    }
    execute(mysqld.instance(0), "INSERT INTO app.items VALUES (3000, 'yes')");
    InstanceFacts facts = new InstanceFactsQuery(source).read();
    assertThat(facts.readOnly()).isFalse();
    assertThat(facts.superReadOnly()).isFalse();
  }

  @Test
  void killingClientConnectionsEndsApplicationSessionsButKeepsReplicationAndKeptUsers()
      throws SQLException {
    execute(mysqld.instance(0), "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'app-secret'");
    execute(mysqld.instance(0), "GRANT ALL ON app.* TO 'app'@'%'");
    String url = "jdbc:mysql://" + mysqld.instance(0).host() + ":3306/?socketTimeout=10000";
    try (Connection application = DriverManager.getConnection(url, "app", "app-secret");
        Connection kept = mysqld.instance(0).connect()) {

      int killed = new ClientConnections(source).killAllExcept(Set.of("root"));

      assertThat(killed).isEqualTo(1);
      assertThatThrownBy(() -> application.createStatement().executeQuery("SELECT 1"))
          .isInstanceOf(SQLException.class);
      try (Statement statement = kept.createStatement();
          ResultSet rs = statement.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
    execute(mysqld.instance(0), "INSERT INTO app.items VALUES (4000, 'after kill')");
    awaitReplicaCaughtUp();
    assertThat(new InstanceFactsQuery(replica).read().replicaStatus().orElseThrow().isReplicating())
        .isTrue();
  }

  @Test
  void superReadOnlyBlockedByAClientsTableWriteLockKillsTheClientAndStillSucceeds()
      throws SQLException {
    execute(mysqld.instance(0), "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'app-secret'");
    execute(mysqld.instance(0), "GRANT ALL ON app.* TO 'app'@'%'");
    String url = "jdbc:mysql://" + mysqld.instance(0).host() + ":3306/?socketTimeout=30000";
    ReadOnlyControl control = new ReadOnlyControl(source, Set.of(), Duration.ofSeconds(1));
    try (Connection blocker = DriverManager.getConnection(url, "app", "app-secret");
        Connection operator = mysqld.instance(0).connect()) {
      // The global read lock that super_read_only takes waits for a held table write lock.
      blocker.createStatement().execute("LOCK TABLES app.items WRITE");
      assertThatThrownBy(
              () -> {
                try (Statement probe = operator.createStatement()) {
                  probe.execute("SET SESSION lock_wait_timeout = 1");
                  probe.execute("SET GLOBAL super_read_only = ON");
                }
              })
          .as("a plain SET GLOBAL times out behind the lock")
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1205));

      control.makeSuperReadOnly();

      assertThat(new InstanceFactsQuery(source).read().superReadOnly()).isTrue();
      assertThatThrownBy(() -> blocker.createStatement().executeQuery("SELECT 1"))
          .as("the blocking client was killed")
          .isInstanceOf(SQLException.class);
      try (Statement statement = operator.createStatement();
          ResultSet rs = statement.executeQuery("SELECT 1")) {
        assertThat(rs.next()).as("the operator's session is kept").isTrue();
      }
      assertThat(
              new InstanceFactsQuery(source).read().sessions().orElseThrow().replicaConnections())
          .as("the replica's binlog dump session is kept")
          .isEqualTo(1);
    } finally {
      control.makeWritable();
    }
    execute(mysqld.instance(0), "INSERT INTO app.items VALUES (5000, 'after super_read_only')");
    awaitReplicaCaughtUp();
  }

  @Test
  void waitingForATransactionThatNeverCameTimesOut() {
    String uuid = new InstanceFactsQuery(source).read().serverUuid();
    GtidSet future = GtidSet.of(uuid, 1, 1_000_000);

    assertThat(new GtidWait(replica).awaitExecuted(future, Duration.ofSeconds(1))).isFalse();
  }

  private static void awaitReplicaCaughtUp() {
    GtidSet sourceGtids = new InstanceFactsQuery(source).read().gtidExecuted();
    assertThat(new GtidWait(replica).awaitExecuted(sourceGtids, Duration.ofSeconds(60)))
        .as("replica executes %s", sourceGtids)
        .isTrue();
  }

  private static MySqlConnector connector(MysqldInstance instance) {
    return new MySqlConnector(
        new MySqlEndpoint(instance.host(), instance.port()), ConnectionSettings.of(ROOT));
  }

  static void execute(MysqldInstance instance, String... statements) throws SQLException {
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static String queryString(MysqldInstance instance, String sql) throws SQLException {
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
