package dev.moco4j.healthmonitor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.ClusterState;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.healthmonitor.ClusterLoops;
import dev.moco4j.healthmonitor.HealthMonitorConfig;
import dev.moco4j.healthmonitor.TestClusters;
import dev.moco4j.healthmonitor.kube.InstanceAddressing;
import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.local.junit.TestNamespace;
import dev.moco4j.local.kubelet.ProcessKubelet;
import dev.moco4j.service.WatchedNamespaces;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The health-monitor, run in-process against the local stack (real apiserver, controller-manager,
 * process kubelet running stock mysql:8 pods): a hand-made StatefulSet becomes a primary–replica
 * cluster, and a primary whose mysqld keeps dying is failed over.
 */
@LocalKubernetes(kubelet = true, crds = true)
class HealthMonitorE2E {

  private static final String CLUSTER = "db";
  private static final Duration STARTUP = Duration.ofMinutes(4);

  @Test
  void podsBecomeAHealthyClusterAndADyingPrimaryIsFailedOver(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) throws Exception {
    client.resource(MySqlPods.operatorSecret(CLUSTER)).create();
    client.resource(MySqlPods.initSecret()).create();
    TestClusters.create(client, ns.name(), CLUSTER, 3);
    client.resource(MySqlPods.statefulSet(CLUSTER, 3)).create();

    HealthMonitorConfig config =
        HealthMonitorConfig.defaults(WatchedNamespaces.of(Set.of(ns.name())))
            .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(3))
            // The local stack has no cluster DNS.
            .withAddressing(InstanceAddressing.POD_IP);
    try (ClusterLoops loops = ClusterLoops.using(client, config)) {
      loops.start();

      await()
          .atMost(STARTUP)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> state(client) == ClusterState.HEALTHY && allReady(client));
      assertThat(primaryIndex(client)).isZero();
      assertThat(role(client, 0)).isEqualTo(Labels.ROLE_PRIMARY);
      assertThat(role(client, 1)).isEqualTo(Labels.ROLE_REPLICA);
      assertThat(role(client, 2)).isEqualTo(Labels.ROLE_REPLICA);
      assertThat(queryInt(ip(client, 1), "SELECT @@super_read_only")).isEqualTo(1);
      assertThat(queryInt(ip(client, 2), "SELECT @@super_read_only")).isEqualTo(1);
      assertThat(queryInt(ip(client, 0), "SELECT @@read_only")).isZero();
      execute(
          ip(client, 0),
          "CREATE DATABASE app",
          "CREATE TABLE app.t (id INT PRIMARY KEY)",
          "INSERT INTO app.t VALUES (42)");

      // The primary keeps crashing: each time the kubelet restarts its mysqld, it is killed again,
      // until the health-monitor has given up on it.
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Long pid =
                    kubelet
                        .containerPids(ns.name(), ResourceNames.podName(CLUSTER, 0))
                        .get("mysqld");
                if (pid != null) {
                  ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                return primaryIndex(client) != 0;
              });

      int primary = primaryIndex(client);
      assertThat(primary).isIn(1, 2);
      // The Event is written right after the status swap, so it may trail the index by a moment.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          client.v1().events().inNamespace(ns.name()).list().getItems().stream()
                              .filter(e -> "FailedOver".equals(e.getReason()))
                              .filter(e -> CLUSTER.equals(e.getInvolvedObject().getName()))
                              .map(e -> e.getType()))
                      .containsExactly("Warning"));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  Labels.ROLE_PRIMARY.equals(role(client, primary))
                      && isTrue(readiness(client, primary)));
      assertThat(queryInt(ip(client, primary), "SELECT id FROM app.t")).isEqualTo(42);
      // Left alone, the old primary comes back and follows the new one.
      await()
          .atMost(STARTUP)
          .until(
              () ->
                  Labels.ROLE_REPLICA.equals(role(client, 0))
                      && state(client) == ClusterState.HEALTHY);
      assertThat(queryInt(ip(client, 0), "SELECT @@super_read_only")).isEqualTo(1);
    }
  }

  private static MySQLClusterStatus status(KubernetesClient client) {
    MySQLCluster cluster = client.resources(MySQLCluster.class).withName(CLUSTER).get();
    return cluster == null ? null : cluster.getStatus();
  }

  private static ClusterState state(KubernetesClient client) {
    MySQLClusterStatus status = status(client);
    return status == null ? null : status.getState();
  }

  private static int primaryIndex(KubernetesClient client) {
    MySQLClusterStatus status = status(client);
    return status == null || status.getCurrentPrimaryIndex() == null
        ? 0
        : status.getCurrentPrimaryIndex();
  }

  private static Pod pod(KubernetesClient client, int index) {
    return client.pods().withName(ResourceNames.podName(CLUSTER, index)).get();
  }

  private static String role(KubernetesClient client, int index) {
    Pod pod = pod(client, index);
    return pod == null || pod.getMetadata().getLabels() == null
        ? null
        : pod.getMetadata().getLabels().get(Labels.ROLE);
  }

  private static String readiness(KubernetesClient client, int index) {
    Pod pod = pod(client, index);
    if (pod == null || pod.getStatus() == null) {
      return null;
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> PodConditions.READY.equals(c.getType()))
        .map(c -> c.getStatus())
        .findFirst()
        .orElse(null);
  }

  private static boolean allReady(KubernetesClient client) {
    for (int i = 0; i < 3; i++) {
      if (!isTrue(readiness(client, i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTrue(String status) {
    return "True".equals(status);
  }

  private static String ip(KubernetesClient client, int index) {
    return pod(client, index).getStatus().getPodIP();
  }

  private static Connection connect(String ip) throws SQLException {
    // Without TLS, caching_sha2_password's first login needs the server's RSA key.
    return DriverManager.getConnection(
        "jdbc:mysql://"
            + ip
            + ":3306/?connectTimeout=5000&sslMode=DISABLED&allowPublicKeyRetrieval=true",
        MySQLUsers.ADMIN.userName(),
        MySqlPods.passwords().get(MySQLUsers.ADMIN.passwordKey()));
  }

  private static int queryInt(String ip, String sql) throws SQLException {
    try (Connection c = connect(ip);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void execute(String ip, String... statements) throws SQLException {
    try (Connection c = connect(ip);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
