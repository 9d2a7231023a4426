package dev.moco4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.local.controlplane.LocalControlPlane;
import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.local.junit.TestNamespace;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The plugin against a real API server, with the objects the reconciler and the health-monitor
 * would have made (no mysqld needed): status, credentials, switchover and pausing.
 */
@LocalKubernetes(crds = true)
class PluginIT {

  private static final Path EXAMPLE =
      Path.of("../examples/mysqlcluster.yaml").toAbsolutePath().normalize();
  private static final String CLUSTER = "shop";

  record Run(int exitCode, String out, String err) {}

  private static Run run(LocalControlPlane plane, TestNamespace ns, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var line = Moco4jCommand.commandLine(Kube.FROM_OPTIONS);
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    // Global options after the command's own, as kubectl users write them.
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--kubeconfig";
    all[args.length + 1] = plane.kubeconfig().toString();
    all[args.length + 2] = "-n";
    all[args.length + 3] = ns.name();
    int code = line.execute(all);
    return new Run(code, out.toString(), err.toString());
  }

  /** A 3-instance cluster whose health-monitor recorded primary 1 and an errant instance 2. */
  private static void createCluster(KubernetesClient client) throws Exception {
    MySQLCluster cluster =
        client.resources(MySQLCluster.class).load(Files.newInputStream(EXAMPLE)).item();
    client.resource(cluster).create();
    client
        .resources(MySQLCluster.class)
        .withName(CLUSTER)
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            client
                .getKubernetesSerialization()
                .asJson(
                    Map.of(
                        "status",
                        Map.of(
                            "state",
                            "Degraded",
                            "currentPrimaryIndex",
                            1,
                            "errantReplicas",
                            1,
                            "errantReplicaList",
                            List.of(2)))));
    // No controller-manager here: the namespace's default ServiceAccount, which pods need.
    client
        .resource(
            new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                .withNewMetadata()
                .withName("default")
                .endMetadata()
                .build())
        .create();
    for (int i = 0; i < 3; i++) {
      var labels = new java.util.TreeMap<>(Labels.selector(CLUSTER));
      if (i < 2) {
        labels.put(Labels.ROLE, i == 1 ? Labels.ROLE_PRIMARY : Labels.ROLE_REPLICA);
      }
      client
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName(ResourceNames.podName(CLUSTER, i))
                  .withLabels(labels)
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("mysqld")
                  .withImage("mysql:8.4.5")
                  .endContainer()
                  .endSpec()
                  .build())
          .create();
      int index = i;
      client
          .pods()
          .withName(ResourceNames.podName(CLUSTER, i))
          .editStatus(
              p -> {
                p.getStatus()
                    .getConditions()
                    .add(
                        new PodConditionBuilder()
                            .withType(PodConditions.READY)
                            .withStatus(index < 2 ? "True" : "False")
                            .build());
                return p;
              });
    }
  }

  @Test
  void statusShowsTopologyStateAndErrantInstances(
      KubernetesClient client, TestNamespace ns, LocalControlPlane plane) throws Exception {
    createCluster(client);

    Run text = run(plane, ns, "status", CLUSTER);

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("MySQLCluster " + ns.name() + "/shop: Degraded, primary 1")
        .containsPattern("0\\s+shop-0\\s+Pending\\s+replica\\s+yes\\s+no")
        .containsPattern("1\\s+shop-1\\s+Pending\\s+primary\\s+yes\\s+no")
        .containsPattern("2\\s+shop-2\\s+Pending\\s+-\\s+no\\s+yes");

    Run json = run(plane, ns, "status", CLUSTER, "-o", "json");
    assertThat(json.exitCode()).isZero();
    Map<?, ?> parsed = client.getKubernetesSerialization().unmarshal(json.out(), Map.class);
    assertThat(parsed.get("state")).isEqualTo("Degraded");
    assertThat(parsed.get("primary")).isEqualTo(1);
    assertThat((List<?>) parsed.get("instances")).hasSize(3);

    Run unknown = run(plane, ns, "status", "nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err().strip())
        .isEqualTo(
            "error: no MySQLCluster nope in namespace "
                + ns.name()
                + ": check the name, or pass -n <namespace>");
  }

  @Test
  void credentialPrintsAUsersPasswordPlainOrAsMyCnf(
      KubernetesClient client, TestNamespace ns, LocalControlPlane plane) throws Exception {
    createCluster(client);
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(ResourceNames.userSecret(CLUSTER))
                .endMetadata()
                .withData(
                    Map.of(
                        MySQLUsers.WRITABLE.passwordKey(),
                        Base64.getEncoder()
                            .encodeToString("s3cret".getBytes(StandardCharsets.UTF_8))))
                .build())
        .create();

    Run plain = run(plane, ns, "credential", CLUSTER, "-u", "writable");
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.out()).isEqualTo("moco4j-writable\ns3cret\n");

    Run mycnf = run(plane, ns, "credential", CLUSTER, "-u", "writable", "--format", "mycnf");
    assertThat(mycnf.out()).contains("[client]\nuser=moco4j-writable\npassword=s3cret\n");

    Run missing = run(plane, ns, "credential", CLUSTER, "-u", "readonly");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("has no READONLY_PASSWORD yet");
  }

  @Test
  void stopAndStartSetAndRemoveTheAnnotationsTheServicesHonour(
      KubernetesClient client, TestNamespace ns, LocalControlPlane plane) throws Exception {
    createCluster(client);

    assertThat(run(plane, ns, "stop", "clustering", CLUSTER).exitCode()).isZero();
    assertThat(run(plane, ns, "stop", "reconciliation", CLUSTER).exitCode()).isZero();
    assertThat(annotations(client))
        .containsEntry(Annotations.CLUSTERING_STOPPED, "true")
        .containsEntry(Annotations.RECONCILIATION_STOPPED, "true");

    Run refused = run(plane, ns, "switchover", CLUSTER);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("clustering of shop is stopped");

    assertThat(run(plane, ns, "start", "clustering", CLUSTER).exitCode()).isZero();
    assertThat(annotations(client))
        .doesNotContainKey(Annotations.CLUSTERING_STOPPED)
        .containsKey(Annotations.RECONCILIATION_STOPPED);

    Run badTarget = run(plane, ns, "stop", "everything", CLUSTER);
    assertThat(badTarget.exitCode()).isEqualTo(2);
  }

  @Test
  void switchoverAsksThePrimaryToStepDownAndWaitsForTheIndexToMove(
      KubernetesClient client, TestNamespace ns, LocalControlPlane plane) throws Exception {
    createCluster(client);
    String primaryPod = ResourceNames.podName(CLUSTER, 1);
    // Stands in for the health-monitor: once the primary pod is asked to step down, it records
    // instance 0 as the primary.
    CompletableFuture<Void> monitor =
        CompletableFuture.runAsync(
            () -> {
              while (!"true".equals(podAnnotation(client, primaryPod))) {
                sleep();
              }
              client
                  .resources(MySQLCluster.class)
                  .withName(CLUSTER)
                  .subresource("status")
                  .patch(
                      PatchContext.of(PatchType.JSON_MERGE),
                      "{\"status\":{\"currentPrimaryIndex\":0}}");
            });

    Run switchover = run(plane, ns, "switchover", CLUSTER, "--timeout", "30");

    monitor.join();
    assertThat(switchover.exitCode()).as(switchover.err()).isZero();
    assertThat(switchover.out()).contains("the primary of shop is instance 0 (was 1)");
    // The request is withdrawn once the primary moved.
    assertThat(podAnnotation(client, primaryPod)).isNull();

    Run timeout = run(plane, ns, "switchover", CLUSTER, "--timeout", "1");
    assertThat(timeout.exitCode()).isEqualTo(1);
    assertThat(timeout.err()).contains("the primary did not move within 1 s");
    assertThat(podAnnotation(client, ResourceNames.podName(CLUSTER, 0))).isNull();
  }

  private static Map<String, String> annotations(KubernetesClient client) {
    Map<String, String> a =
        client.resources(MySQLCluster.class).withName(CLUSTER).get().getMetadata().getAnnotations();
    return a == null ? Map.of() : a;
  }

  private static String podAnnotation(KubernetesClient client, String pod) {
    Map<String, String> a = client.pods().withName(pod).get().getMetadata().getAnnotations();
    return a == null ? null : a.get(Annotations.DEMOTE);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
