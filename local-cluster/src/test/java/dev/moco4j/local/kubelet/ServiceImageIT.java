package dev.moco4j.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.local.junit.TestNamespace;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JVM images registered with the kubelet run as a JVM per container, configured as in a pod. */
@LocalKubernetes(kubelet = true)
class ServiceImageIT {

  private static final Duration STARTUP = Duration.ofMinutes(2);

  @BeforeEach
  void registerTheSampleImage(ProcessKubelet kubelet) {
    List<Path> classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .toList();
    kubelet
        .serviceImages()
        .register(
            new ServiceImage("moco4j/sample-service", SampleService.class.getName(), classpath));
  }

  @Test
  void aServiceImageRunsItsMainClassWithThePodsConfigurationAndServiceAccountAndStopsOnSigterm(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) {
    allowTheDefaultServiceAccountToWriteConfigMaps(client);
    createTheSampleConfig(client);
    client.resource(samplePod("sample", List.of())).create();

    await().atMost(STARTUP).until(() -> report(client) != null);
    Map<String, String> seen = report(client).getData();
    assertThat(seen)
        .containsEntry("greeting", "hello from env")
        .containsEntry("message", "hello from a volume")
        .containsEntry("namespace", ns.name())
        .containsEntry("processors", "1");
    // -XX:MaxRAM from the 256Mi limit: the JVM sizes its default heap from it (half, for so
    // little memory), not from this machine's memory.
    assertThat(Long.parseLong(seen.get("maxHeapBytes"))).isLessThanOrEqualTo(128L << 20);
    long pid = kubelet.containerPids(ns.name(), "sample").get("service");
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    assertThat(process.info().command()).hasValueSatisfying(c -> assertThat(c).endsWith("/java"));

    client.pods().withName("sample").delete();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> client.pods().withName("sample").get() == null);
    assertThat(process.isAlive()).isFalse();
    assertThat(report(client).getData()).containsEntry("stopped", "on SIGTERM");
  }

  @Test
  void aServiceImageWithACommandFailsWithAReasonThatSaysToUseArgs(KubernetesClient client) {
    createTheSampleConfig(client);
    client.resource(samplePod("overridden", List.of("java", "-jar", "app.jar"))).create();

    await()
        .atMost(STARTUP)
        .until(
            () ->
                "Failed".equals(client.pods().withName("overridden").get().getStatus().getPhase()));
    Pod pod = client.pods().withName("overridden").get();
    assertThat(pod.getStatus().getReason()).isEqualTo("UnsupportedCommand");
    assertThat(pod.getStatus().getMessage()).contains("moco4j/sample-service", "\"args\"");
  }

  private static void createTheSampleConfig(KubernetesClient client) {
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("sample-config")
                .endMetadata()
                .addToData("message", "hello from a volume")
                .build())
        .create();
  }

  private static ConfigMap report(KubernetesClient client) {
    return client.configMaps().withName("sample-report").get();
  }

  private static void allowTheDefaultServiceAccountToWriteConfigMaps(KubernetesClient client) {
    client
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("sample")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps")
                .withVerbs("get", "create", "update", "patch")
                .endRule()
                .build())
        .create();
    client
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("sample")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "sample")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("default")
                .withNamespace(client.getNamespace())
                .endSubject()
                .build())
        .create();
  }

  private static Pod samplePod(String name, List<String> command) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(30L)
        .addNewContainer()
        .withName("service")
        .withImage("registry.invalid:5000/moco4j/sample-service:0.1")
        .withCommand(command)
        .withArgs("--message-file=/etc/sample/message")
        .addNewEnv()
        .withName("GREETING")
        .withValue("hello from env")
        .endEnv()
        .withNewResources()
        .addToLimits("memory", new Quantity("256Mi"))
        .addToLimits("cpu", new Quantity("500m"))
        .endResources()
        .addNewVolumeMount()
        .withName("config")
        .withMountPath("/etc/sample")
        .endVolumeMount()
        .endContainer()
        .addNewVolume()
        .withName("config")
        .withNewConfigMap()
        .withName("sample-config")
        .endConfigMap()
        .endVolume()
        .endSpec()
        .build();
  }
}
