package dev.moco4j.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.v1beta1.ClusterState;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.local.controlplane.LocalControlPlane;
import dev.moco4j.local.helm.Helm;
import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.local.junit.TestNamespace;
import dev.moco4j.local.kubelet.ProcessKubelet;
import dev.moco4j.local.kubelet.ServiceImages;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The service charts installed with helm into the local stack, the services running as pods under
 * the charts' RBAC (the process kubelet runs the built jars as the images): a MySQLCluster applied
 * with kubectl becomes Healthy, and upgrading one component restarts no MySQL pod and leaves the
 * other component alone.
 */
@LocalKubernetes(kubelet = true, crds = true)
class HelmInstallE2E {

  private static final Path SOURCE_TREE = Charts.DIR.getParent();
  private static final String CLUSTER = "shop";

  private final Helm helm = Helm.find(Charts.DIR.resolve("target"));

  @Test
  void theChartsRunAClusterAndAnUpgradeOfOneComponentRestartsNoMySqlPod(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet, LocalControlPlane plane)
      throws Exception {
    ServiceImages.fromBuild(SOURCE_TREE).forEach(kubelet.serviceImages()::register);
    Map<String, String> kubeconfig = Map.of("KUBECONFIG", plane.kubeconfig().toString());

    install(kubeconfig, ns, "moco4j-reconciler");
    install(
        kubeconfig,
        ns,
        "moco4j-health-monitor",
        // The local stack has no cluster DNS: the monitor reaches mysqld by pod IP.
        "--set-json",
        "extraEnv=[{\"name\":\"MOCO4J_INSTANCE_ADDRESS\",\"value\":\"pod-ip\"},"
            + "{\"name\":\"MOCO4J_CHECK_INTERVAL\",\"value\":\"1s\"}]");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                available(client, "moco4j-reconciler")
                    && available(client, "moco4j-health-monitor"));

    MySQLCluster cluster =
        client
            .resources(MySQLCluster.class)
            .load(Files.newInputStream(SOURCE_TREE.resolve("examples/mysqlcluster.yaml")))
            .item();
    cluster.getMetadata().setNamespace(ns.name());
    client.resource(cluster).create();
    await()
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> state(client) == ClusterState.HEALTHY);
    Map<String, String> mysqlPods = mysqlPodUids(client);
    assertThat(mysqlPods).hasSize(3);
    Map<String, String> mysqldStarts = mysqldStartTimes(client);
    long statefulSetGeneration =
        client.apps().statefulSets().withName(CLUSTER).get().getMetadata().getGeneration();
    long reconcilerGeneration =
        deployment(client, "moco4j-reconciler").getMetadata().getGeneration();

    // A new build of the health-monitor (a changed pod template stands for it).
    helm.run(
            kubeconfig,
            "upgrade",
            "moco4j-health-monitor",
            Charts.chart("moco4j-health-monitor").toString(),
            "--namespace",
            ns.name(),
            "--reuse-values",
            "--set",
            "podAnnotations.build=two")
        .requireSuccess();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                upgraded(client, "moco4j-health-monitor")
                    && available(client, "moco4j-health-monitor"));
    // The new monitor picks the cluster up from its status.
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> state(client) == ClusterState.HEALTHY);

    assertThat(mysqlPodUids(client)).isEqualTo(mysqlPods);
    assertThat(deployment(client, "moco4j-reconciler").getMetadata().getGeneration())
        .isEqualTo(reconcilerGeneration);

    // A new build of the reconciler: it reconciles every cluster again when it starts, and
    // changes nothing a MySQL pod depends on.
    helm.run(
            kubeconfig,
            "upgrade",
            "moco4j-reconciler",
            Charts.chart("moco4j-reconciler").toString(),
            "--namespace",
            ns.name(),
            "--reuse-values",
            "--set",
            "podAnnotations.build=two")
        .requireSuccess();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> upgraded(client, "moco4j-reconciler") && available(client, "moco4j-reconciler"));
    // It reconciles every cluster as it starts: for a while after, no pod was replaced or
    // restarted in place.
    await()
        .during(Duration.ofSeconds(15))
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                mysqlPodUids(client).equals(mysqlPods)
                    && mysqldStartTimes(client).equals(mysqldStarts));
    assertThat(client.apps().statefulSets().withName(CLUSTER).get().getMetadata().getGeneration())
        .isEqualTo(statefulSetGeneration);
    assertThat(state(client)).isEqualTo(ClusterState.HEALTHY);
  }

  private void install(
      Map<String, String> kubeconfig, TestNamespace ns, String chart, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "install",
                chart,
                Charts.chart(chart).toString(),
                "--namespace",
                ns.name(),
                // The local stack has no DNS for the event bus's discovery: each service runs with
                // its own bus here (the clustered bus has its own test).
                "--set",
                "eventBus.enabled=false",
                "--set",
                "replicaCount=1",
                "--set",
                "watchNamespaces=" + ns.name()));
    args.addAll(List.of(extra));
    helm.run(kubeconfig, args.toArray(String[]::new)).requireSuccess();
  }

  private static Deployment deployment(KubernetesClient client, String name) {
    return client.apps().deployments().withName(name).get();
  }

  private static boolean available(KubernetesClient client, String name) {
    Deployment deployment = deployment(client, name);
    return deployment != null
        && deployment.getStatus() != null
        && deployment.getStatus().getAvailableReplicas() != null
        && deployment.getStatus().getAvailableReplicas() >= 1;
  }

  private static boolean upgraded(KubernetesClient client, String name) {
    Deployment deployment = deployment(client, name);
    return deployment.getStatus() != null
        && deployment
            .getMetadata()
            .getGeneration()
            .equals(deployment.getStatus().getObservedGeneration())
        && Integer.valueOf(1).equals(deployment.getStatus().getUpdatedReplicas())
        && Integer.valueOf(1).equals(deployment.getStatus().getReplicas());
  }

  private static ClusterState state(KubernetesClient client) {
    MySQLCluster cluster = client.resources(MySQLCluster.class).withName(CLUSTER).get();
    return cluster == null || cluster.getStatus() == null ? null : cluster.getStatus().getState();
  }

  /** When each MySQL pod's mysqld container started: a restart in place would change it. */
  private static Map<String, String> mysqldStartTimes(KubernetesClient client) {
    return client.pods().withLabel(Labels.INSTANCE, CLUSTER).list().getItems().stream()
        .collect(
            Collectors.toMap(
                p -> p.getMetadata().getName(),
                (Pod p) ->
                    p.getStatus().getContainerStatuses().stream()
                        .filter(c -> "mysqld".equals(c.getName()))
                        .map(c -> c.getState().getRunning().getStartedAt())
                        .findFirst()
                        .orElseThrow()));
  }

  private static Map<String, String> mysqlPodUids(KubernetesClient client) {
    return client.pods().withLabel(Labels.INSTANCE, CLUSTER).list().getItems().stream()
        .collect(
            Collectors.toMap(p -> p.getMetadata().getName(), (Pod p) -> p.getMetadata().getUid()));
  }
}
