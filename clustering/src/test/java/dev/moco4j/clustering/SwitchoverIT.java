package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.PodFlags;
import dev.moco4j.testing.mysqld.ContinuousWriter;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SwitchoverIT {

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
  void requestedSwitchoverMovesWritesToTheTargetWithoutLosingAcknowledgedRows() throws Exception {
    List<Integer> acknowledged;
    try (ContinuousWriter writer = new ContinuousWriter(mysqld, cluster::primary)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledgedOn(0) >= 50);

      PassResult result = cluster.pass(PassInputs.switchoverTo(Optional.of(2)));

      assertThat(result.primaryChanged()).isTrue();
      assertThat(cluster.primary()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledgedOn(2) >= 50);
      writer.close();
      acknowledged = writer.acknowledgedIds();
      // Writes that reached the old primary after it turned read-only were refused, not lost.
      assertThat(writer.attempts())
          .filteredOn(a -> a.instance() == 0 && !a.acknowledged())
          .allSatisfy(a -> assertThat(a.errorCode()).isIn(1290, 0, 1053, 1927));
    }

    Set<Integer> onNewPrimary = ids(2);
    assertThat(onNewPrimary).containsAll(acknowledged);
    assertThat(cluster.events.reasons()).contains("SwitchedOver");
  }

  @Test
  void oldPrimaryBecomesAReadOnlyReplicaOfTheNewOne() throws SQLException {
    cluster.pass(PassInputs.switchoverTo(Optional.of(1)));

    PassResult after = cluster.pass();

    assertThat(after.decision().state()).isEqualTo(ClusterState.HEALTHY);
    assertThat(after.decision().synced()).containsExactly(0, 2);
    assertThat(cluster.query(0, "SELECT @@global.super_read_only")).isEqualTo("1");
    assertThat(cluster.query(1, "SELECT @@global.super_read_only")).isEqualTo("0");
    cluster.execute(1, "CREATE DATABASE after_switchover");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "after_switchover"
                    .equals(
                        cluster.query(
                            0,
                            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                                + " WHERE SCHEMA_NAME = 'after_switchover'")));
  }

  @Test
  void terminatingPrimaryPodIsSwitchedAwayToASyncedReplica() {
    PassInputs terminating =
        new PassInputs(Map.of(0, new PodFlags(true, false)), Optional.empty(), false, false);

    PassResult result = cluster.pass(terminating);

    assertThat(result.primaryChanged()).isTrue();
    assertThat(cluster.primary()).isIn(1, 2);
    assertThat(cluster.pass().decision().state()).isEqualTo(ClusterState.HEALTHY);
  }

  @Test
  void switchoverToAnInstanceThatIsNotASyncedReplicaIsNotDone() {
    PassResult result = cluster.pass(PassInputs.switchoverTo(Optional.of(0)));

    assertThat(result.primaryChanged()).isFalse();
    assertThat(cluster.primary()).isZero();
  }

  private Set<Integer> ids(int instance) throws SQLException {
    Set<Integer> ids = new HashSet<>();
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
