package dev.moco4j.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceImagesTest {

  private static final ServiceImage RECONCILER =
      new ServiceImage(
          "moco4j/reconciler", "dev.moco4j.reconciler.Main", List.of(Path.of("r.jar")));

  @Test
  void anImageMatchesItsRepositoryWhateverTheRegistryTagOrDigest() {
    ServiceImages images = new ServiceImages();
    images.register(RECONCILER);

    assertThat(images.find("moco4j/reconciler")).contains(RECONCILER);
    assertThat(images.find("moco4j/reconciler:0.1.0")).contains(RECONCILER);
    assertThat(images.find("registry.invalid:5000/moco4j/reconciler:dev")).contains(RECONCILER);
    assertThat(images.find("moco4j/reconciler@sha256:0123abcd")).contains(RECONCILER);
  }

  @Test
  void anImageWhosePathOnlyEndsWithTheSameLettersDoesNotMatch() {
    ServiceImages images = new ServiceImages();
    images.register(RECONCILER);

    assertThat(images.find("notmoco4j/reconciler:1")).isEmpty();
    assertThat(images.find("moco4j/reconciler-old:1")).isEmpty();
    assertThat(images.find("registry.invalid:5000/reconciler")).isEmpty();
    assertThat(images.find(null)).isEmpty();
  }

  @Test
  void aBuiltSourceTreeGivesTheServicesWithARunnableJarOnly(@TempDir Path tree) throws IOException {
    Path jar =
        runnableJar(
            tree.resolve("health-monitor/target/moco4j-health-monitor-0.1.0-SNAPSHOT.jar"),
            "dev.moco4j.healthmonitor.Main");
    runnableJar(
        tree.resolve("reconciler/target/moco4j-reconciler-0.1.0-SNAPSHOT-sources.jar"), null);
    Files.createDirectories(tree.resolve("backup-service/target"));

    assertThat(ServiceImages.fromBuild(tree))
        .containsExactly(
            new ServiceImage(
                "moco4j/health-monitor", "dev.moco4j.healthmonitor.Main", List.of(jar)));
  }

  private static Path runnableJar(Path path, String mainClass) throws IOException {
    Files.createDirectories(path.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    }
    try (OutputStream out = Files.newOutputStream(path);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }
    return path;
  }
}
