package dev.moco4j.local.crd;

import static dev.moco4j.local.crd.KubeApiTestOfflineIT.VERSION;
import static dev.moco4j.local.crd.KubeApiTestOfflineIT.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/**
 * kube-api-test's JUnit extension as other projects use it: the build sets {@code
 * KUBE_API_TEST_DIR} to the layout {@code hack/test-binaries.sh} wrote, where the extension finds
 * the apiserver and etcd instead of downloading them.
 */
@EnableKubeAPIServer
class KubeApiTestExtensionIT {

  @KubeConfig static String kubeConfig;

  @Test
  void servesTheLocallyBuiltApiServerAndTheMoco4jCrds() {
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeConfig)).build()) {
      servesTheMoco4jCrds(client);
    }
  }

  private static void servesTheMoco4jCrds(KubernetesClient client) {
    assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v" + VERSION);

    Moco4jCrds.install(client);
    assertThatThrownBy(() -> client.resource(cluster("even", 2)).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.replicas");
    assertThat(client.resource(cluster("odd", 3)).create()).isNotNull();
  }
}
