package dev.moco4j.healthmonitor.kube;

import static dev.moco4j.healthmonitor.kube.KubeObjects.cluster;
import static dev.moco4j.healthmonitor.kube.KubeObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.clustering.ClusterDefinition;
import dev.moco4j.mysql.MySqlEndpoint;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterDefinitionsTest {

  @Test
  void instancesListenOnTheirPodsIpsAndOnTheirDnsNamesWhileTheyHaveNone() {
    MySQLCluster cluster = cluster("shop", "db", 3);
    cluster.getSpec().setMaxDelaySeconds(30);
    Pod first = pod("shop", "db", 0, "127.0.0.7");
    Pod third = pod("shop", "db", 2, null);

    ClusterDefinition definition =
        ClusterDefinitions.of(
            cluster,
            ClusterPods.of("shop", "db", 3, Map.of("db-0", first, "db-2", third)),
            InstanceAddressing.POD_IP);

    assertThat(definition.namespace()).isEqualTo("shop");
    assertThat(definition.name()).isEqualTo("db");
    assertThat(definition.instances())
        .containsExactly(
            new MySqlEndpoint("127.0.0.7", 3306),
            new MySqlEndpoint("db-1.db.shop.svc", 3306),
            new MySqlEndpoint("db-2.db.shop.svc", 3306));
    assertThat(definition.maxDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(definition.externalSource()).isEmpty();
  }

  @Test
  void byDefaultInstancesAreAddressedByTheirStableDnsNamesEvenWhenPodsHaveIps() {
    MySQLCluster cluster = cluster("shop", "db", 1);

    ClusterDefinition definition =
        ClusterDefinitions.of(
            cluster,
            ClusterPods.of("shop", "db", 1, Map.of("db-0", pod("shop", "db", 0, "127.0.0.7"))),
            InstanceAddressing.DNS);

    assertThat(definition.instances()).containsExactly(new MySqlEndpoint("db-0.db.shop.svc", 3306));
  }

  @Test
  void aRecreatedPodWithAnotherIpChangesTheDefinitionSoTheEngineIsRebuilt() {
    MySQLCluster cluster = cluster("shop", "db", 1);

    ClusterDefinition before =
        ClusterDefinitions.of(
            cluster,
            ClusterPods.of("shop", "db", 1, Map.of("db-0", pod("shop", "db", 0, "127.0.0.7"))),
            InstanceAddressing.POD_IP);
    ClusterDefinition after =
        ClusterDefinitions.of(
            cluster,
            ClusterPods.of("shop", "db", 1, Map.of("db-0", pod("shop", "db", 0, "127.0.0.9"))),
            InstanceAddressing.POD_IP);
    ClusterDefinition same =
        ClusterDefinitions.of(
            cluster,
            ClusterPods.of("shop", "db", 1, Map.of("db-0", pod("shop", "db", 0, "127.0.0.7"))),
            InstanceAddressing.POD_IP);

    assertThat(after).isNotEqualTo(before);
    assertThat(same).isEqualTo(before);
  }

  @Test
  void theSpecsReplicasDecideHowManyInstancesThereAreWhateverPodsExist() {
    MySQLCluster cluster = cluster("shop", "db", 5);

    ClusterDefinition definition =
        ClusterDefinitions.of(
            cluster,
            ClusterPods.of(
                "shop",
                "db",
                5,
                Map.of(
                    "db-0",
                    pod("shop", "db", 0, "127.0.0.7"),
                    "db-7",
                    pod("shop", "db", 7, "127.0.0.8"))),
            InstanceAddressing.POD_IP);

    assertThat(definition.instances()).hasSize(5);
    assertThat(definition.instances().get(0).host()).isEqualTo("127.0.0.7");
  }
}
