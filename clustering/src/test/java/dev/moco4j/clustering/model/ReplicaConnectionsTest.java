package dev.moco4j.clustering.model;

import static dev.moco4j.clustering.model.Facts.p;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicaConnectionsTest {

  /**
   * Two synced replicas; connections beyond them (other readers of the binlog) are no shortfall.
   */
  @ParameterizedTest
  @CsvSource({"0, DEGRADED", "1, DEGRADED", "2, HEALTHY", "4, HEALTHY"})
  void aPrimarySeeingFewerReplicaConnectionsThanSyncedReplicasIsNotHealthy(
      int connections, ClusterState expected) {
    Decision decision =
        Clusters.of(3)
            .up(0, Facts.primary(p(5)).sessions(connections, 0))
            .up(1, Facts.replicaOf(0, p(5)))
            .up(2, Facts.replicaOf(0, p(5)))
            .decide();

    assertThat(decision.state()).isEqualTo(expected);
    if (expected == ClusterState.DEGRADED) {
      assertThat(decision.message())
          .contains("the primary sees " + connections + " replica connections for 2 synced");
    } else {
      assertThat(decision.message()).doesNotContain("replica connections");
    }
  }
}
