package dev.moco4j.mysql.seed.logical;

import static dev.moco4j.mysql.seed.logical.SeedFixtures.checksums;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.connector;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.execute;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.GtidWait;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.ReplicationControl;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.mysql.seed.DonorKind;
import dev.moco4j.testing.mysqld.ContinuousWriter;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A logical copy from a server moco4j does not own, taken while that server keeps committing. The
 * donor account has no RELOAD privilege, so FLUSH TABLES WITH READ LOCK would fail, and no
 * replication admin privilege, so the copy could not stop replication there either.
 */
class ExternalDonorCopyIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(2).build();

  private static final Credentials EXTERNAL = new Credentials("ext", "ext-Secret1");

  @Test
  void externalDonorIsCopiedUnderConcurrentWritesWithoutAGlobalReadLock() throws Exception {
    MysqldInstance source = mysqld.instance(0);
    execute(
        source,
        "CREATE USER 'ext'@'%' IDENTIFIED BY 'ext-Secret1'",
        "GRANT SELECT, SHOW VIEW, TRIGGER, BACKUP_ADMIN, REPLICATION SLAVE ON *.* TO 'ext'@'%'");
    SeedFixtures.createApplicationData(source);
    execute(source, "FLUSH BINARY LOGS");
    execute(source, "PURGE BINARY LOGS TO '" + value(source, "SHOW MASTER STATUS") + "'");
    MySqlConnector donor =
        new MySqlConnector(
            new MySqlEndpoint(source.host(), source.port()), ConnectionSettings.of(EXTERNAL));
    MySqlConnector recipient = connector(mysqld.instance(1));
    try (Connection asDonor = DriverManager.getConnection(source.jdbcUrl(), "ext", "ext-Secret1")) {
      assertThatThrownBy(() -> asDonor.createStatement().execute("FLUSH TABLES WITH READ LOCK"))
          .as("the donor account cannot take the global read lock")
          .isInstanceOf(SQLException.class);
    }

    CopyResult result;
    try (ContinuousWriter writer = new ContinuousWriter(mysqld, () -> 0)) {
      Awaitility.await().until(() -> writer.acknowledgedOn(0) > 20);
      long before = writer.acknowledgedOn(0);

      result = LogicalCopy.copy(donor, DonorKind.EXTERNAL, recipient, Set.of("ext"));

      assertThat(writer.acknowledgedOn(0))
          .as("writes went on during the copy")
          .isGreaterThan(before);
      assertThat(writer.refusedOn(0)).as("no write was refused").isFalse();
      assertThat(new InstanceFactsQuery(recipient).read().gtidExecuted()).isEqualTo(result.gtids());

      ReplicationControl replication = new ReplicationControl(recipient);
      replication.pointAt(ReplicationSource.of(donor.endpoint(), EXTERNAL));
      replication.start();
    }
    GtidSet end = new InstanceFactsQuery(connector(source)).read().gtidExecuted();
    assertThat(new GtidWait(recipient).awaitExecuted(end, Duration.ofSeconds(60))).isTrue();

    ReplicaStatus status = new InstanceFactsQuery(recipient).read().replicaStatus().orElseThrow();
    assertThat(status.lastSqlErrno())
        .as("no transaction of the snapshot was applied twice: %s", status.lastSqlError())
        .isZero();
    assertThat(checksums(mysqld.instance(1))).isEqualTo(checksums(source));
    assertThat(value(mysqld.instance(1), "SELECT COUNT(*) FROM app.writes"))
        .isEqualTo(value(source, "SELECT COUNT(*) FROM app.writes"));
  }
}
