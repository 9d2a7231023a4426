package dev.moco4j.mysql.seed.logical;

import static dev.moco4j.mysql.seed.logical.SeedFixtures.checksums;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.column;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.connector;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.execute;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.GtidWait;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.ReplicationControl;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.mysql.seed.DonorKind;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeding replicas by logical copy on real mysqld. The tests run in order on one cluster: instance
 * 0 is the primary, the first test makes instance 1 a replica, the second copies instance 1 (a
 * replica donor) into instance 2.
 */
@TestMethodOrder(OrderAnnotation.class)
class LogicalCopyIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(3).build();

  private static final Credentials REPLICATION = new Credentials("repl", "repl-Secret1");
  private static final Set<String> OPERATOR_USERS = Set.of("repl");
  private static final int ER_SOURCE_HAS_PURGED_REQUIRED_GTIDS = 1236;

  @BeforeAll
  static void primaryWithDataWhoseBinlogsArePurged() throws SQLException {
    MysqldInstance primary = mysqld.instance(0);
    execute(
        primary,
        "CREATE USER 'repl'@'%' IDENTIFIED BY 'repl-Secret1'",
        "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%'");
    SeedFixtures.createApplicationData(primary);
    execute(primary, "FLUSH BINARY LOGS");
    String current = value(primary, "SHOW MASTER STATUS");
    execute(primary, "PURGE BINARY LOGS TO '" + current + "'");
    assertThat(new InstanceFactsQuery(connector(primary)).read().gtidPurged().isEmpty()).isFalse();
  }

  @Test
  @Order(1)
  void emptyInstanceCannotCatchUpFromPurgedBinlogsButReplicatesAfterACopy() throws SQLException {
    MySqlConnector primary = connector(mysqld.instance(0));
    MySqlConnector replica = connector(mysqld.instance(1));
    ReplicationControl replication = new ReplicationControl(replica);
    replication.pointAt(ReplicationSource.of(primary.endpoint(), REPLICATION));
    replication.start();
    ReplicaStatus failed =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> facts(replica).replicaStatus().orElseThrow(), s -> s.lastIoErrno() != 0);
    // MySQL 8.0 reports the source's 1236 wrapped in its own receiver error (13114).
    assertThat(failed.lastIoError())
        .contains("error " + ER_SOURCE_HAS_PURGED_REQUIRED_GTIDS)
        .contains("purged");
    replication.stop();

    CopyResult result = LogicalCopy.copy(primary, DonorKind.OWN_PRIMARY, replica, OPERATOR_USERS);

    assertThat(result.gtids()).isEqualTo(facts(primary).gtidExecuted());
    assertThat(result.schemas()).containsExactly("legacy", "shop");
    assertThat(result.tables()).isEqualTo(4);
    assertThat(result.views()).isEqualTo(2);
    assertThat(result.storedPrograms()).isEqualTo(2);
    assertThat(result.rows()).isEqualTo(3 + 20_000 + 2);
    assertThat(facts(replica).gtidExecuted()).isEqualTo(result.gtids());
    assertThat(facts(replica).gtidPurged()).isEqualTo(result.gtids());

    replication.pointAt(ReplicationSource.of(primary.endpoint(), REPLICATION));
    replication.start();
    execute(
        mysqld.instance(0),
        "INSERT INTO shop.lines VALUES (20001, 2, 'after the copy')",
        "UPDATE shop.kinds SET name = 'renamed' WHERE id = 3");
    awaitCaughtUp(primary, replica);

    assertThat(checksums(mysqld.instance(1))).isEqualTo(checksums(mysqld.instance(0)));
    assertThat(facts(replica).gtidExecuted()).isEqualTo(facts(primary).gtidExecuted());
    ReplicaStatus status = facts(replica).replicaStatus().orElseThrow();
    assertThat(status.isReplicating()).isTrue();
    assertThat(status.lastIoErrno()).isZero();
    assertThat(status.lastSqlErrno()).isZero();
    assertCopiedObjectsWork(mysqld.instance(1));
    assertThat(column(mysqld.instance(1), "SELECT User FROM mysql.user WHERE User = 'repl'"))
        .as("operator accounts are each instance's own")
        .isEmpty();
  }

  @Test
  @Order(2)
  void replicaDonorIsCopiedWithoutLockingAndKeepsReplicating() throws SQLException {
    MySqlConnector primary = connector(mysqld.instance(0));
    MySqlConnector donor = connector(mysqld.instance(1));
    MySqlConnector recipient = connector(mysqld.instance(2));

    CopyResult result = LogicalCopy.copy(donor, DonorKind.OWN_REPLICA, recipient, OPERATOR_USERS);

    assertThat(facts(recipient).gtidExecuted()).isEqualTo(result.gtids());
    assertThat(facts(donor).replicaStatus().orElseThrow().isReplicating())
        .as("the donor's applier was resumed")
        .isTrue();
    ReplicationControl replication = new ReplicationControl(recipient);
    replication.pointAt(ReplicationSource.of(primary.endpoint(), REPLICATION));
    replication.start();
    execute(
        mysqld.instance(0), "INSERT INTO shop.lines VALUES (20002, 3, 'after the second copy')");
    awaitCaughtUp(primary, recipient);
    awaitCaughtUp(primary, donor);

    assertThat(checksums(mysqld.instance(2))).isEqualTo(checksums(mysqld.instance(0)));
    assertThat(facts(recipient).gtidExecuted()).isEqualTo(facts(primary).gtidExecuted());
    assertThat(facts(recipient).replicaStatus().orElseThrow().isReplicating()).isTrue();
    assertCopiedObjectsWork(mysqld.instance(2));
  }

  private static void assertCopiedObjectsWork(MysqldInstance copy) throws SQLException {
    assertThat(value(copy, "SELECT COUNT(*) FROM shop.a_big_lines"))
        .isEqualTo(value(mysqld.instance(0), "SELECT COUNT(*) FROM shop.a_big_lines"));
    assertThat(value(copy, "SELECT shop.twice(21)")).isEqualTo("42");
    assertThat(value(copy, "SELECT name FROM shop.kinds WHERE id = 1"))
        .isEqualTo("naïve café ☕ 😀 it's \\ done");
    assertThat(value(copy, "SELECT body FROM legacy.notes WHERE id = 1")).isEqualTo("café crème");
    assertThat(
            value(
                copy,
                "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'shop'"))
        .isEqualTo("utf8mb4_bin");
    assertThat(
            column(
                copy,
                "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'shop'"))
        .containsExactly("lines_audit");
    // The application's account works on the copy with its password, role and grants.
    try (Connection app = DriverManager.getConnection(copy.jdbcUrl(), "app", "app-Secret1")) {
      var rs = app.createStatement().executeQuery("SELECT COUNT(*) FROM shop.kinds");
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
  }

  private static void awaitCaughtUp(MySqlConnector primary, MySqlConnector replica) {
    GtidSet target = facts(primary).gtidExecuted();
    assertThat(new GtidWait(replica).awaitExecuted(target, Duration.ofSeconds(60)))
        .as("%s executes %s", replica.endpoint(), target)
        .isTrue();
  }

  private static InstanceFacts facts(MySqlConnector connector) {
    return new InstanceFactsQuery(connector).read();
  }
}
