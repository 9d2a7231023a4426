package dev.moco4j.reconciler.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.v1beta1.MySQLCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PodDisruptionBudgetModelTest {

  @Test
  void aSingleInstanceGetsNoBudgetSoNodeDrainsAreNotBlocked() {
    assertThat(MySQLClusterModel.fromCrd(Clusters.minimal()).podDisruptionBudget()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 5, 7})
  void evictionsTakeOneInstanceAtATime(int instances) {
    MySQLCluster cluster = Clusters.minimal();
    cluster.getSpec().setReplicas(instances);

    var pdb = MySQLClusterModel.fromCrd(cluster).podDisruptionBudget().orElseThrow();

    assertThat(pdb.getMetadata().getName()).isEqualTo("moco4j-db");
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getMinAvailable()).isNull();
    assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.selector("db"));
  }
}
