package dev.moco4j.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.local.kubelet.MysqlWorkloads;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

@LocalKubernetes(kubelet = true)
class ServiceProxyIT {

  private static final String GATE = "moco4j.dev/ready";

  @Test
  void connectionsToAServiceReachOnlyItsReadyPods(KubernetesClient client) throws Exception {
    for (String name : new String[] {"one", "two"}) {
      client
          .resource(
              new PodBuilder(MysqlWorkloads.podWithReadinessGate(name, GATE))
                  .editMetadata()
                  .addToLabels("role", "primary")
                  .endMetadata()
                  .build())
          .create();
    }
    Service service =
        client
            .resource(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("db-primary")
                    .endMetadata()
                    .withNewSpec()
                    .addToSelector("role", "primary")
                    .addNewPort()
                    .withName("mysql")
                    .withPort(3306)
                    .withNewTargetPort("mysql")
                    .endPort()
                    .endSpec()
                    .build())
            .create();
    String clusterIp = service.getSpec().getClusterIP();
    assertThat(clusterIp).startsWith("127.1.");
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> podIp(client, "one") != null && podIp(client, "two") != null);

    setGate(client, "one", "True");
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () ->
                assertThat(servers(clusterIp, 6))
                    .as(() -> describe(client))
                    .containsExactly(podIp(client, "one")));

    setGate(client, "one", "False");
    setGate(client, "two", "True");
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> assertThat(servers(clusterIp, 6)).containsExactly(podIp(client, "two")));

    setGate(client, "one", "True");
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () ->
                assertThat(servers(clusterIp, 8))
                    .containsExactlyInAnyOrder(podIp(client, "one"), podIp(client, "two")));
  }

  /** The bind addresses of the mysqld instances that {@code n} new connections landed on. */
  private static Set<String> servers(String clusterIp, int n) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      try (Connection c = MysqlWorkloads.connect(clusterIp);
          ResultSet rs = c.createStatement().executeQuery("SELECT @@bind_address")) {
        rs.next();
        seen.add(rs.getString(1));
      } catch (java.sql.SQLException e) {
        seen.add("failed: " + e.getMessage());
      }
    }
    return seen;
  }

  /** What the proxy decides from, for a failure message. */
  private static String describe(KubernetesClient client) {
    return "pods: "
        + client.pods().list().getItems().stream()
            .map(p -> p.getMetadata().getName() + " " + p.getStatus().getConditions())
            .toList();
  }

  private static String podIp(KubernetesClient client, String name) {
    var pod = client.pods().withName(name).get();
    return pod == null || pod.getStatus() == null ? null : pod.getStatus().getPodIP();
  }

  /**
   * A strategic merge patch merges conditions by type and carries no resourceVersion, so it never
   * conflicts with the kubelet's own status writes, as the health-monitor's does not.
   */
  private static void setGate(KubernetesClient client, String pod, String status) {
    client
        .pods()
        .withName(pod)
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.STRATEGIC_MERGE),
            "{\"status\":{\"conditions\":[{\"type\":\""
                + GATE
                + "\",\"status\":\""
                + status
                + "\"}]}}");
  }
}
