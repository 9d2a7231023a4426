package dev.moco4j.reconciler.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.v1beta1.ErrantReplicaRecovery;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.VolumeClaimRetention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example a new user applies first builds the objects it promises. */
class ExampleManifestTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "mysqlcluster.yaml");

  @Test
  void theExampleClusterBuildsThreeInstancesWithTheirServicesAndData() throws IOException {
    String yaml =
        Files.readString(EXAMPLE)
            .replace(
                "metadata:\n  name: shop",
                """
        metadata:
          name: shop
          namespace: team-a
          uid: 00000000-0000-0000-0000-00000000000e"""
                    .stripIndent());
    MySQLCluster cluster = Clusters.fromYaml(yaml);

    var model = MySQLClusterModel.fromCrd(cluster);
    var statefulSet = model.statefulSet(model.myCnf(Map.of()).configMapName());

    assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(3);
    assertThat(model.primaryService().getMetadata().getName()).isEqualTo("shop-primary");
    assertThat(model.replicaService().getMetadata().getName()).isEqualTo("shop-replica");
    assertThat(cluster.getSpec().getErrantReplicaRecovery()).isEqualTo(ErrantReplicaRecovery.NEVER);
    assertThat(cluster.getSpec().volumeClaimRetention().onDelete())
        .isEqualTo(VolumeClaimRetention.RETAIN);
    assertThat(statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
        .isEqualTo("Retain");
  }
}
