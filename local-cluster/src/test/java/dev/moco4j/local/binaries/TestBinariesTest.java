package dev.moco4j.local.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBinariesTest {

  @Test
  void failsNamingTheBuildScriptWhenNothingWasBuilt(@TempDir Path cache) {
    Map<String, String> env = Map.of("MOCO4J_CACHE", cache.toString());

    assertThatThrownBy(() -> TestBinaries.locate(env::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hack/test-binaries.sh");
  }

  @Test
  void readsTheLocationsFromTheEnvFileInTheCacheWhenTheEnvironmentHasNone(@TempDir Path cache)
      throws IOException {
    Path k8s =
        executables(
            cache.resolve("k8s"), "etcd", "kube-apiserver", "kube-controller-manager", "kubectl");
    Path minio = executables(cache.resolve("minio"), "minio");
    Files.writeString(
        cache.resolve("env.sh"),
        "export MOCO4J_K8S_BIN='" + k8s + "'\nexport MOCO4J_MINIO_BIN='" + minio + "'\n");

    TestBinaries binaries = TestBinaries.locate(Map.of("MOCO4J_CACHE", cache.toString())::get);

    assertThat(binaries.kubeApiServer()).isEqualTo(k8s.resolve("kube-apiserver"));
    assertThat(binaries.minio()).isEqualTo(minio.resolve("minio"));
  }

  @Test
  void failsNamingTheMissingBinary(@TempDir Path cache) throws IOException {
    Path k8s = executables(cache.resolve("k8s"), "etcd", "kubectl");
    Path minio = executables(cache.resolve("minio"), "minio");
    Map<String, String> env =
        Map.of(
            "MOCO4J_CACHE", cache.toString(),
            "MOCO4J_K8S_BIN", k8s.toString(),
            "MOCO4J_MINIO_BIN", minio.toString());

    assertThatThrownBy(() -> TestBinaries.locate(env::get))
        .hasMessageContaining("kube-apiserver")
        .hasMessageContaining("hack/test-binaries.sh");
  }

  private static Path executables(Path dir, String... names) throws IOException {
    Files.createDirectories(dir);
    for (String name : names) {
      Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
      file.toFile().setExecutable(true);
    }
    return dir;
  }
}
