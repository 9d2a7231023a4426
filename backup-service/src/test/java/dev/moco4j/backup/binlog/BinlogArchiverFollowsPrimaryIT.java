package dev.moco4j.backup.binlog;

import static dev.moco4j.backup.binlog.ArchiveFixture.endpoint;
import static dev.moco4j.backup.binlog.ArchiveFixture.execute;
import static dev.moco4j.backup.binlog.ArchiveFixture.gtidExecuted;
import static dev.moco4j.backup.binlog.ArchiveFixture.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.backup.format.BinlogIndex;
import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.GtidWait;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.ReadOnlyControl;
import dev.moco4j.mysql.ReplicationControl;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.ContinuousWriter;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BinlogArchiverFollowsPrimaryIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(2).build();

  private static final Credentials REPLICATION = new Credentials("repl", "repl-secret");

  @TempDir Path dir;

  @Test
  void archiveFollowsASwitchoverWithoutGapOrDuplicate() throws Exception {
    execute(
        mysqld.instance(0),
        "CREATE USER 'repl'@'%' IDENTIFIED BY 'repl-secret'",
        "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%'");
    MySqlConnector first = connector(0);
    MySqlConnector second = connector(1);
    replicate(second, 0);
    new ReadOnlyControl(second).makeSuperReadOnly();

    AtomicInteger primary = new AtomicInteger(0);
    try (ArchiveFixture archive = new ArchiveFixture(dir)) {
      BinlogArchiver archiver = archive.start(() -> endpoint(mysqld.instance(primary.get())));
      try (ContinuousWriter writer = new ContinuousWriter(mysqld, primary::get)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> writer.acknowledgedOn(0) >= 100);

        // Switchover: fence the old primary, let the replica catch up, swap the roles.
        new ReadOnlyControl(first).makeSuperReadOnly();
        assertThat(
                new GtidWait(second)
                    .awaitExecuted(gtidExecuted(mysqld.instance(0)), Duration.ofSeconds(30)))
            .isTrue();
        new ReplicationControl(second).reset();
        new ReadOnlyControl(second).makeWritable();
        primary.set(1);
        replicate(first, 1);

        // The old primary now replicates the new one's writes, so until the archiver moves they
        // are archived from the old primary's binlog; once it moved, from the new primary's.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> endpoint(mysqld.instance(1)).equals(archiver.connectedTo()));
        long before = writer.acknowledgedOn(1);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> writer.acknowledgedOn(1) >= before + 100);
      }

      GtidSet executed = gtidExecuted(mysqld.instance(1));
      await().atMost(Duration.ofSeconds(60)).until(() -> archiver.archivedGtids().equals(executed));
      assertThat(archive.archivedExactlyOnce()).isEqualTo(executed);
      assertThat(archive.indexes())
          .extracting(BinlogIndex::serverUuid)
          .contains(
              queryString(mysqld.instance(0), "SELECT @@server_uuid"),
              queryString(mysqld.instance(1), "SELECT @@server_uuid"));
      assertThat(archiver.connectedTo()).isEqualTo(endpoint(mysqld.instance(1)));
    }
  }

  private static void replicate(MySqlConnector replica, int source) {
    ReplicationControl control = new ReplicationControl(replica);
    control.pointAt(ReplicationSource.of(endpoint(mysqld.instance(source)), REPLICATION));
    control.start();
  }

  private static MySqlConnector connector(int index) {
    return new MySqlConnector(
        endpoint(mysqld.instance(index)), ConnectionSettings.of(ArchiveFixture.ROOT));
  }
}
