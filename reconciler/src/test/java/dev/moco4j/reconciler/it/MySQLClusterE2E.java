package dev.moco4j.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.reconciler.controller.LeaderElection;
import dev.moco4j.reconciler.controller.ReconcilerController;
import dev.moco4j.service.WatchedNamespaces;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reconciler on the local stack: a three-instance MySQLCluster becomes three running mysqld
 * pods (the process kubelet runs the generated init script and mysqld), each accepting the admin
 * user with the password from the operator Secret.
 */
@LocalKubernetes(kubelet = true, crds = true)
class MySQLClusterE2E {

  private static final String CLUSTER_YAML =
      """
      apiVersion: moco4j.dev/v1beta1
      kind: MySQLCluster
      metadata: {name: e2e}
      spec:
        replicas: 3
        podTemplate:
          spec:
            containers:
            - name: mysqld
              image: mysql:8.0.31
              resources: {requests: {memory: 256Mi}, limits: {memory: 512Mi}}
        volumeClaimTemplates:
        - metadata: {name: mysql-data}
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 1Gi}}
      """;

  @Test
  void aThreeInstanceClustersPodsRunAndAcceptTheAdminUser(KubernetesClient client)
      throws Exception {
    try (var f = new ReconcilerFixture(client);
        var reconciler =
            new ReconcilerController(
                client,
                WatchedNamespaces.of(Set.of(f.namespace)),
                Duration.ofMinutes(5),
                LeaderElection.standard(f.namespace, "e2e"),
                f.reconciler,
                f.pool)) {
      reconciler.start();
      MySQLCluster cluster = ReconcilerFixture.YAML.unmarshal(CLUSTER_YAML, MySQLCluster.class);
      client.resource(cluster).create();

      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> runningMysqld(client).size() == 3);

      String password = adminPassword(client);
      for (Pod pod : runningMysqld(client)) {
        await()
            .atMost(Duration.ofMinutes(2))
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(serverId(pod, password)).isPositive());
      }
      assertThat(runningMysqld(client).stream().map(p -> serverIdQuietly(p, password)))
          .containsExactlyInAnyOrder(1L, 2L, 3L);
    }
  }

  private static List<Pod> runningMysqld(KubernetesClient client) {
    return client.pods().list().getItems().stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
        .filter(
            p ->
                p.getStatus().getContainerStatuses().stream()
                    .anyMatch(
                        c -> "mysqld".equals(c.getName()) && c.getState().getRunning() != null))
        .toList();
  }

  private static String adminPassword(KubernetesClient client) {
    String encoded =
        client
            .secrets()
            .withName(ResourceNames.operatorSecret("e2e"))
            .get()
            .getData()
            .get(MySQLUsers.ADMIN.passwordKey());
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static long serverId(Pod pod, String password) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:mysql://" + pod.getStatus().getPodIP() + ":3306/?connectTimeout=3000",
                MySQLUsers.ADMIN.userName(),
                password);
        ResultSet rs = c.createStatement().executeQuery("SELECT @@server_id")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long serverIdQuietly(Pod pod, String password) {
    try {
      return serverId(pod, password);
    } catch (Exception e) {
      return -1;
    }
  }
}
