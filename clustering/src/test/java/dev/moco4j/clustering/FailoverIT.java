package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.testing.mysqld.ContinuousWriter;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failover after the primary's mysqld is SIGKILLed.
 *
 * <p>The test mysqld has no semi-sync plugin, so replication is asynchronous here: a row the old
 * primary acknowledged but no replica had retrieved yet is lost in a failover. With semi-sync
 * (production) the primary acknowledges a commit only after a replica has it, and the most advanced
 * replica is promoted, so nothing acknowledged is lost. These tests therefore measure and log the
 * number of such rows instead of asserting zero, and assert what holds either way: what the
 * replicas had is all on the new primary, and the loss, if any, is only the newest rows.
 */
class FailoverIT {

  private static final Logger LOG = LoggerFactory.getLogger(FailoverIT.class);

  @RegisterExtension final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private ClusterHarness cluster;

  @BeforeEach
  void bootstrap() {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void killedPrimaryIsReplacedByAReplicaThatTakesWritesAndHasEverythingTheReplicasHad()
      throws Exception {
    List<ContinuousWriter.Attempt> attempts;
    int newPrimary;
    try (ContinuousWriter writer = new ContinuousWriter(mysqld, cluster::primary)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledgedOn(0) >= 100);

      cluster.instance(0).kill();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> cluster.pass().primaryChanged());

      newPrimary = cluster.primary();
      assertThat(newPrimary).isIn(1, 2);
      await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledgedOn(newPrimary) >= 20);
      writer.close();
      attempts = writer.attempts();
    }
    assertThat(cluster.query(newPrimary, "SELECT @@global.super_read_only")).isEqualTo("0");
    assertThat(cluster.events.reasons()).contains("FailedOver");

    int otherReplica = 3 - newPrimary;
    Set<Integer> onNewPrimary = ids(newPrimary);
    await().atMost(Duration.ofSeconds(30)).until(() -> ids(otherReplica).equals(ids(newPrimary)));
    assertThat(onNewPrimary).containsAll(ids(otherReplica));

    TreeSet<Integer> acknowledgedByOld = new TreeSet<>();
    attempts.stream()
        .filter(a -> a.acknowledged() && a.instance() == 0)
        .forEach(a -> acknowledgedByOld.add(a.id()));
    TreeSet<Integer> lost = new TreeSet<>(acknowledgedByOld);
    lost.removeAll(onNewPrimary);
    LOG.info(
        "asynchronous replication: {} of {} rows acknowledged by the killed primary are not on"
            + " the new primary {}",
        lost.size(),
        acknowledgedByOld.size(),
        lost);
    // Replication applies in commit order, so the rows that survived form a prefix: the loss is
    // confined to the newest rows, never a hole in the middle.
    if (!lost.isEmpty()) {
      assertThat(acknowledgedByOld.headSet(lost.first())).isSubsetOf(onNewPrimary);
      assertThat(acknowledgedByOld.tailSet(lost.first())).isEqualTo(lost);
    }
    // Every acknowledged write after the failover is on the new primary.
    attempts.stream()
        .filter(a -> a.acknowledged() && a.instance() == newPrimary)
        .forEach(a -> assertThat(onNewPrimary).contains(a.id()));
  }

  @Test
  void oldPrimaryThatLostNothingComesBackAsAReplica() throws SQLException {
    cluster.execute(0, "CREATE DATABASE settled", "CREATE TABLE settled.t (id INT PRIMARY KEY)");
    cluster.execute(0, "INSERT INTO settled.t VALUES (1), (2), (3)");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.pass().decision().state() == ClusterState.HEALTHY
                    && "3".equals(cluster.query(1, "SELECT COUNT(*) FROM settled.t"))
                    && "3".equals(cluster.query(2, "SELECT COUNT(*) FROM settled.t")));

    cluster.instance(0).kill();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> cluster.pass().primaryChanged());
    cluster.instance(0).start();

    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    assertThat(cluster.pass().decision().synced()).contains(0);
    assertThat(cluster.query(0, "SELECT @@global.super_read_only")).isEqualTo("1");
    assertThat(cluster.query(0, "SELECT COUNT(*) FROM settled.t")).isEqualTo("3");
  }

  private Set<Integer> ids(int instance) throws SQLException {
    Set<Integer> ids = new TreeSet<>();
    try (var connection = cluster.instance(instance).connect();
        var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT id FROM app.writes")) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }
}
