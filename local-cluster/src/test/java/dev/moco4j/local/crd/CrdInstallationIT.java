package dev.moco4j.local.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.local.junit.LocalKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

@LocalKubernetes
class CrdInstallationIT {

  @Test
  void crdsFromTheApiModuleInstallAndBecomeEstablished(KubernetesClient client) {
    var installed = Moco4jCrds.install(client);

    assertThat(installed)
        .extracting(crd -> crd.getMetadata().getName())
        .containsExactlyInAnyOrder("mysqlclusters.moco4j.dev", "backuppolicies.moco4j.dev");
    assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
        .filteredOn(crd -> crd.getSpec().getGroup().equals("moco4j.dev"))
        .hasSize(2)
        .allMatch(Moco4jCrds::isEstablished);
    assertThat(client.genericKubernetesResources("moco4j.dev/v1beta1", "MySQLCluster").list())
        .isNotNull();
  }
}
