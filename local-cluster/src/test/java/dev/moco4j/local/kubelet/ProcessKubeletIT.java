package dev.moco4j.local.kubelet;

import static dev.moco4j.local.kubelet.MysqlWorkloads.condition;
import static dev.moco4j.local.kubelet.MysqlWorkloads.connect;
import static dev.moco4j.local.kubelet.MysqlWorkloads.isReady;
import static dev.moco4j.local.kubelet.MysqlWorkloads.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.local.junit.TestNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@LocalKubernetes(kubelet = true)
class ProcessKubeletIT {

  private static final Duration STARTUP = Duration.ofMinutes(3);

  @Test
  void aStatefulSetOfThreeMysqlPodsRunsThreeMysqldProcessesOnDistinctAddresses(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) throws Exception {
    client.resource(MysqlWorkloads.statefulSet("db", 3)).create();

    await().atMost(STARTUP).until(() -> readyPods(client, "db").size() == 3);

    List<Pod> pods = readyPods(client, "db");
    Set<String> ips = pods.stream().map(p -> p.getStatus().getPodIP()).collect(Collectors.toSet());
    assertThat(ips).hasSize(3).allMatch(ip -> ip.startsWith("127.0.0."));
    for (Pod pod : pods) {
      long pid = kubelet.containerPids(ns.name(), pod.getMetadata().getName()).get("mysqld");
      assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
      try (Connection c = connect(pod.getStatus().getPodIP());
          ResultSet rs = c.createStatement().executeQuery("SELECT @@bind_address, @@port")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(pod.getStatus().getPodIP());
        assertThat(rs.getInt(2)).isEqualTo(3306);
      }
    }
    assertThat(client.persistentVolumeClaims().list().getItems())
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.getStatus().getPhase()).isEqualTo("Bound"));
  }

  @Test
  void aDeletedPodIsRecreatedWithTheSameDataDirectory(KubernetesClient client) throws Exception {
    client.resource(MysqlWorkloads.statefulSet("keep", 1)).create();
    await().atMost(STARTUP).until(() -> isReady(client.pods().withName("keep-0").get()));
    Pod first = client.pods().withName("keep-0").get();
    try (Connection c = connect(first.getStatus().getPodIP());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE app");
      s.execute("CREATE TABLE app.t (id INT PRIMARY KEY, note VARCHAR(20))");
      s.execute("INSERT INTO app.t VALUES (1, 'before delete')");
    }

    client.pods().withName("keep-0").delete();

    await()
        .atMost(STARTUP)
        .until(
            () -> {
              Pod pod = client.pods().withName("keep-0").get();
              return isReady(pod)
                  && !pod.getMetadata().getUid().equals(first.getMetadata().getUid());
            });
    Pod second = client.pods().withName("keep-0").get();
    try (Connection c = connect(second.getStatus().getPodIP());
        ResultSet rs = c.createStatement().executeQuery("SELECT note FROM app.t WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("before delete");
    }
  }

  @Test
  void scalingDownStopsTheRemovedPodsMysqld(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) {
    client.resource(MysqlWorkloads.statefulSet("shrink", 2)).create();
    await().atMost(STARTUP).until(() -> readyPods(client, "shrink").size() == 2);
    long pid = kubelet.containerPids(ns.name(), "shrink-1").get("mysqld");

    client.apps().statefulSets().withName("shrink").scale(1);

    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> client.pods().withName("shrink-1").get() == null);
    assertThat(isReady(client.pods().withName("shrink-0").get())).isTrue();
  }

  @Test
  void aPodWithAReadinessGateStaysUnreadyUntilTheGateConditionIsTrue(KubernetesClient client) {
    client.resource(MysqlWorkloads.podWithReadinessGate("gated", "moco4j.dev/ready")).create();
    await().atMost(STARTUP).until(() -> containersReady(client.pods().withName("gated").get()));

    assertThat(isReady(client.pods().withName("gated").get())).isFalse();
    assertThat(condition(client.pods().withName("gated").get(), "Ready").getReason())
        .isEqualTo("ReadinessGatesNotReady");

    client
        .pods()
        .withName("gated")
        .editStatus(
            pod ->
                new PodBuilder(pod)
                    .editStatus()
                    .addToConditions(
                        new PodConditionBuilder()
                            .withType("moco4j.dev/ready")
                            .withStatus("True")
                            .build())
                    .endStatus()
                    .build());

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> isReady(client.pods().withName("gated").get()));
  }

  @Test
  void aPodWithAnImageTheKubeletCannotRunFailsWithAClearReason(KubernetesClient client) {
    client
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("nginx")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "Failed".equals(phase(client.pods().withName("web").get())));
    Pod pod = client.pods().withName("web").get();
    assertThat(pod.getStatus().getReason()).isEqualTo("UnsupportedImage");
    assertThat(pod.getStatus().getMessage()).contains("nginx:1.27", "mysql:8*");
  }

  private static List<Pod> readyPods(KubernetesClient client, String app) {
    return client.pods().withLabel("app", app).list().getItems().stream()
        .filter(MysqlWorkloads::isReady)
        .toList();
  }

  private static boolean containersReady(Pod pod) {
    var c = condition(pod, "ContainersReady");
    return c != null && "True".equals(c.getStatus());
  }
}
