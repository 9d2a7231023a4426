package dev.moco4j.local.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.local.binaries.TestBinaries;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.KubeAPITestException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * fabric8's kube-api-test runs on the binaries {@code hack/test-binaries.sh} builds and lays out,
 * without downloading anything. Its offline mode is set here through the config builder: as an
 * environment variable, {@code KUBE_API_TEST_OFFLINE_MODE=true} makes kube-api-test 7.6 fail with a
 * ClassCastException (it casts the variable's string to Boolean).
 */
class KubeApiTestOfflineIT {

  /** The version directory the script laid out, e.g. {@code .../k8s/1.36.3-linux-amd64}. */
  static final Path VERSION_DIR = TestBinaries.locate().k8sBin();

  static final String VERSION = VERSION_DIR.getFileName().toString().split("-")[0];

  @Test
  void offlineModeStartsFromThePrePlacedBinaries() {
    var server = offlineServer(VERSION);
    server.start();
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
            .build()) {
      assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v" + VERSION);
    } finally {
      server.stop();
    }
  }

  @Test
  void offlineModeRefusesAVersionThatWasNotBuiltInsteadOfDownloadingIt() {
    var server = offlineServer("1.20.0");

    assertThatThrownBy(server::start)
        .isInstanceOf(KubeAPITestException.class)
        .hasMessageContaining("download is turned off");
  }

  private static KubeAPIServer offlineServer(String version) {
    return new KubeAPIServer(
        KubeAPIServerConfigBuilder.anAPIServerConfig()
            .withOfflineMode(true)
            .withTestDir(VERSION_DIR.getParent().getParent().toString())
            .withApiServerVersion(version)
            .withUpdateKubeConfig(false)
            .build());
  }

  static GenericKubernetesResource cluster(String name, int replicas) {
    GenericKubernetesResource cluster =
        MySQLClusterValidationIT.cluster(name, replicas, "mysql-data", "");
    cluster.getMetadata().setNamespace("default");
    return cluster;
  }
}
