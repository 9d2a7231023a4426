package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterDecider;
import dev.moco4j.clustering.model.ClusterObservation;
import dev.moco4j.clustering.model.ClusterShape;
import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Decision;
import dev.moco4j.clustering.model.InstanceObservation;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Under load a replica is often read after it applied a commit that the primary, read a moment
 * earlier, did not show yet. Here that order is forced on real mysqld: the primary's facts are
 * read, a row is committed, and the replicas are read only once they applied it. That is a healthy
 * cluster, never an errant replica; a write made on a replica itself still is errant.
 */
class ErrantDetectionRaceIT {

  @RegisterExtension static final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private static ClusterHarness cluster;

  @BeforeAll
  static void healthyClusterWithATable() throws SQLException {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.execute(
        0,
        "CREATE DATABASE shop",
        "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(40))");
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(30));
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void replicasReadAfterApplyingACommitThePrimaryWasReadWithoutAreNotErrant() throws SQLException {
    InstanceFacts primaryBefore = cluster.facts(0);
    cluster.execute(0, "INSERT INTO shop.orders VALUES (1, 'committed between the reads')");
    String executed = cluster.query(0, "SELECT @@global.gtid_executed");
    awaitExecuted(1, executed);
    awaitExecuted(2, executed);

    Decision decision = decide(primaryBefore, cluster.facts(1), cluster.facts(2));

    assertThat(cluster.facts(1).gtidExecuted().isSubsetOf(primaryBefore.gtidExecuted()))
        .as("the replica really is ahead of what was read from the primary")
        .isFalse();
    assertThat(decision.errant()).isEmpty();
    assertThat(decision.state()).isEqualTo(ClusterState.HEALTHY);
  }

  @Test
  void aWriteMadeOnAReplicaIsErrantEvenWhenItIsAlsoAheadOnThePrimarysStream() throws SQLException {
    InstanceFacts primaryBefore = cluster.facts(0);
    cluster.execute(0, "INSERT INTO shop.orders VALUES (2, 'committed between the reads')");
    String executed = cluster.query(0, "SELECT @@global.gtid_executed");
    awaitExecuted(1, executed);
    awaitExecuted(2, executed);
    cluster.execute(
        2,
        "SET GLOBAL super_read_only = OFF",
        "CREATE DATABASE local_only",
        "SET GLOBAL super_read_only = ON");

    Decision decision = decide(primaryBefore, cluster.facts(1), cluster.facts(2));

    assertThat(decision.errant()).containsExactly(2);
  }

  private static Decision decide(InstanceFacts primary, InstanceFacts one, InstanceFacts two) {
    List<InstanceObservation> instances =
        List.of(
            InstanceObservation.up(0, cluster.endpoint(0), primary),
            InstanceObservation.up(1, cluster.endpoint(1), one),
            InstanceObservation.up(2, cluster.endpoint(2), two));
    return ClusterDecider.decide(
        new ClusterObservation(
            ClusterShape.of(3), 0, Set.of(), instances, Optional.empty(), Optional.empty()));
  }

  private static void awaitExecuted(int replica, String executed) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.facts(replica).gtidExecuted().toString().equals(executed));
  }
}
