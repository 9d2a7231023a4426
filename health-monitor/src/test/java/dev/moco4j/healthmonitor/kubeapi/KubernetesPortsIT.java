package dev.moco4j.healthmonitor.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.StoredStatus;
import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.healthmonitor.TestClusters;
import dev.moco4j.healthmonitor.kube.ClusterPods;
import dev.moco4j.healthmonitor.kube.KubeCalls;
import dev.moco4j.healthmonitor.kube.KubernetesEventSink;
import dev.moco4j.healthmonitor.kube.KubernetesStatusStore;
import dev.moco4j.healthmonitor.kube.PodRole;
import dev.moco4j.healthmonitor.kube.PodStatusWriter;
import dev.moco4j.healthmonitor.kube.StatusReport;
import dev.moco4j.local.crd.Moco4jCrds;
import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's Kubernetes ports against a real API server (kube-api-test on the binaries {@code
 * hack/test-binaries.sh} built): the status compare-and-swap, reports, Events, role labels and
 * readiness gate conditions.
 */
@EnableKubeAPIServer
class KubernetesPortsIT {

  @KubeConfig static String kubeConfig;

  private static KubernetesClient client;
  private static KubeCalls calls;
  private String namespace;

  @BeforeAll
  static void installCrds() {
    client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeConfig)).build();
    calls = KubeCalls.withThreads(2);
    Moco4jCrds.install(client);
  }

  @AfterAll
  static void closeClient() {
    calls.close();
    client.close();
  }

  @BeforeEach
  void createNamespace() {
    namespace = "test-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
  }

  @AfterEach
  void deleteNamespace() {
    client.namespaces().withName(namespace).delete();
  }

  private KubernetesStatusStore store(String name) {
    return new KubernetesStatusStore(client, calls, namespace, name, Clock.systemUTC());
  }

  private MySQLClusterStatus status(String name) {
    return client
        .resources(MySQLCluster.class)
        .inNamespace(namespace)
        .withName(name)
        .get()
        .getStatus();
  }

  /** The reconciler's condition on the same status, under its own field manager. */
  private void reconcilerWritesACondition(String name) {
    client
        .resources(MySQLCluster.class)
        .inNamespace(namespace)
        .withName(name)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager("moco4j-reconciler")
                .build(),
            """
            {"apiVersion":"moco4j.dev/v1beta1","kind":"MySQLCluster",
             "metadata":{"name":"%s","namespace":"%s"},
             "status":{"conditions":[{"type":"ReconcileSuccess","status":"True",
               "reason":"Applied","message":"%s","lastTransitionTime":"2030-01-01T00:00:00Z"}]}}
            """
                .formatted(name, namespace, System.nanoTime()));
  }

  private static ClusterReport healthy(int primary) {
    return new ClusterReport(
        ClusterState.HEALTHY,
        primary,
        new TreeSet<>(),
        new TreeSet<>(List.of(1, 2)),
        "HEALTHY: 2 of 2 replicas synced",
        List.of("semi-sync plugins missing"),
        new TreeMap<>());
  }

  private static ClusterReport degradedWithErrantReplica() {
    return new ClusterReport(
        ClusterState.DEGRADED,
        0,
        new TreeSet<>(Set.of(1)),
        new TreeSet<>(Set.of(2)),
        "DEGRADED: 1 of 2 replicas synced; errant: [1]",
        List.of(),
        new TreeMap<>());
  }

  @Test
  void ofTwoStoresThatReadTheSameVersionExactlyOneSwapsThePrimary() {
    TestClusters.create(client, namespace, "db", 3);
    KubernetesStatusStore first = store("db");
    KubernetesStatusStore second = store("db");

    StoredStatus seenByFirst = first.read();
    StoredStatus seenBySecond = second.read();
    assertThat(seenByFirst.version()).isEqualTo(seenBySecond.version());
    assertThat(seenByFirst.currentPrimaryIndex()).isZero();

    boolean firstSwapped = first.swapPrimary(seenByFirst, 1, Set.of(2));
    boolean secondSwapped = second.swapPrimary(seenBySecond, 2, Set.of());

    assertThat(firstSwapped).isTrue();
    assertThat(secondSwapped).isFalse();
    StoredStatus after = second.read();
    assertThat(after.currentPrimaryIndex()).isEqualTo(1);
    assertThat(after.errant()).containsExactly(2);
    assertThat(after.version()).isNotEqualTo(seenByFirst.version());
    assertThat(second.swapPrimary(after, 2, Set.of())).isTrue();
    assertThat(first.read().currentPrimaryIndex()).isEqualTo(2);
  }

  @Test
  void aSwapGoesThroughAnotherWritersConditionsButNeverThroughAnotherPromotion() {
    TestClusters.create(client, namespace, "db", 3);
    KubernetesStatusStore store = store("db");
    StoredStatus seen = store.read();
    reconcilerWritesACondition("db");

    assertThat(store.swapPrimary(seen, 1, Set.of())).isTrue();
    assertThat(status("db").getCurrentPrimaryIndex()).isEqualTo(1);

    StoredStatus stale = store.read();
    KubernetesStatusStore other = store("db");
    assertThat(other.swapPrimary(other.read(), 2, Set.of())).isTrue();
    reconcilerWritesACondition("db");
    assertThat(store.swapPrimary(stale, 0, Set.of())).isFalse();
    assertThat(status("db").getCurrentPrimaryIndex()).isEqualTo(2);
  }

  @Test
  void aReportNeverOverwritesThePrimaryIndexNorOtherWritersConditions() {
    TestClusters.create(client, namespace, "db", 3);
    KubernetesStatusStore store = store("db");
    assertThat(store.swapPrimary(store.read(), 2, Set.of())).isTrue();
    // Another service's condition, written before the health-monitor reports.
    reconcilerWritesACondition("db");

    store.read();
    // A report made from a pass that still believed instance 0 was the primary.
    store.report(healthy(0));

    MySQLClusterStatus status = status("db");
    assertThat(status.getCurrentPrimaryIndex()).isEqualTo(2);
    assertThat(status.getState()).isEqualTo(dev.moco4j.api.v1beta1.ClusterState.HEALTHY);
    assertThat(status.getSyncedReplicas()).isEqualTo(2);
    assertThat(status.getErrantReplicas()).isZero();
    assertThat(status.getConditions())
        .extracting(Condition::getType)
        .containsExactlyInAnyOrder(
            "ReconcileSuccess",
            StatusReport.INITIALIZED,
            StatusReport.AVAILABLE,
            StatusReport.HEALTHY,
            StatusReport.SEMI_SYNC_UNAVAILABLE);
    assertThat(StatusReport.condition(status, StatusReport.SEMI_SYNC_UNAVAILABLE).get().getStatus())
        .isEqualTo("True");
  }

  @Test
  void anUnchangedReportWritesNothingAndAChangedOneClearsTheErrantList() {
    TestClusters.create(client, namespace, "db", 3);
    KubernetesStatusStore store = store("db");
    assertThat(store.swapPrimary(store.read(), 0, Set.of(1))).isTrue();
    store.read();
    store.report(degradedWithErrantReplica());
    String written = store.read().version();

    store.report(degradedWithErrantReplica());
    assertThat(store.read().version()).isEqualTo(written);

    store.report(healthy(0));
    StoredStatus after = store.read();
    assertThat(after.version()).isNotEqualTo(written);
    assertThat(after.errant()).isEmpty();
    assertThat(status("db").getErrantReplicas()).isZero();
  }

  @Test
  void theFirstReportRecordsTheImpliedPrimaryIndexOnce() {
    TestClusters.create(client, namespace, "db", 3);
    KubernetesStatusStore store = store("db");
    assertThat(status("db") == null ? null : status("db").getCurrentPrimaryIndex()).isNull();

    store.read();
    store.report(healthy(0));

    assertThat(status("db").getCurrentPrimaryIndex()).isZero();
    String version = store.read().version();
    store.report(healthy(0));
    // Recorded once: an unchanged report afterwards writes nothing.
    assertThat(store.read().version()).isEqualTo(version);
  }

  @Test
  void aClusterMarkedClonedReadsBackAsCloned() {
    TestClusters.create(client, namespace, "db", 1);
    KubernetesStatusStore store = store("db");
    assertThat(store.read().cloned()).isFalse();

    store.markCloned();

    assertThat(store.read().cloned()).isTrue();
  }

  @Test
  void eventsAreRecordedOnTheMySQLClusterWithTheirType() {
    MySQLCluster cluster = TestClusters.create(client, namespace, "db", 3);
    KubernetesEventSink events = new KubernetesEventSink(client, calls, cluster, Clock.systemUTC());

    events.warning("FailedOver", "instance 1 is the new primary");
    events.normal("SwitchedOver", "instance 2 is the new primary");

    List<Event> recorded = client.v1().events().inNamespace(namespace).list().getItems();
    assertThat(recorded)
        .extracting(e -> e.getType() + " " + e.getReason() + ": " + e.getMessage())
        .containsExactlyInAnyOrder(
            "Warning FailedOver: instance 1 is the new primary",
            "Normal SwitchedOver: instance 2 is the new primary");
    assertThat(recorded)
        .allSatisfy(
            e -> {
              assertThat(e.getInvolvedObject().getKind()).isEqualTo("MySQLCluster");
              assertThat(e.getInvolvedObject().getName()).isEqualTo("db");
              assertThat(e.getInvolvedObject().getUid()).isEqualTo(cluster.getMetadata().getUid());
              assertThat(e.getSource().getComponent()).isEqualTo(KubernetesEventSink.COMPONENT);
            });
  }

  @Test
  void roleLabelsAndReadinessGatesArePatchedOnlyWhereTheyDiffer() {
    IntStream.range(0, 3).forEach(this::createPod);
    PodStatusWriter writer = new PodStatusWriter(client, calls, Clock.systemUTC());
    List<PodRole> healthy =
        List.of(
            new PodRole(Optional.of(Labels.ROLE_PRIMARY), true),
            new PodRole(Optional.of(Labels.ROLE_REPLICA), true),
            new PodRole(Optional.empty(), false));

    writer.apply(pods(), healthy);

    assertThat(role(0)).isEqualTo(Labels.ROLE_PRIMARY);
    assertThat(role(1)).isEqualTo(Labels.ROLE_REPLICA);
    assertThat(role(2)).isNull();
    assertThat(readiness(0)).isEqualTo("True");
    assertThat(readiness(1)).isEqualTo("True");
    assertThat(readiness(2)).isEqualTo("False");
    List<String> versions = versions();

    writer.apply(pods(), healthy);
    assertThat(versions()).isEqualTo(versions);

    writer.apply(
        pods(),
        List.of(
            new PodRole(Optional.of(Labels.ROLE_PRIMARY), false),
            new PodRole(Optional.empty(), false),
            new PodRole(Optional.of(Labels.ROLE_REPLICA), true)));

    assertThat(role(1)).isNull();
    assertThat(role(2)).isEqualTo(Labels.ROLE_REPLICA);
    assertThat(readiness(0)).isEqualTo("False");
    assertThat(readiness(1)).isEqualTo("False");
    assertThat(readiness(2)).isEqualTo("True");
    assertThat(pod(0).getMetadata().getLabels()).containsAllEntriesOf(Labels.standard("db"));
  }

  private void createPod(int index) {
    client
        .pods()
        .inNamespace(namespace)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("db-" + index)
                .withLabels(Labels.standard("db"))
                .endMetadata()
                .withNewSpec()
                .addNewReadinessGate(PodConditions.READY)
                .addNewContainer()
                .withName("mysqld")
                .withImage("mysql:8.0.31")
                .endContainer()
                .endSpec()
                .build())
        .create();
  }

  private ClusterPods pods() {
    return ClusterPods.of(
        namespace, "db", 3, Map.of("db-0", pod(0), "db-1", pod(1), "db-2", pod(2)));
  }

  private Pod pod(int index) {
    return client.pods().inNamespace(namespace).withName("db-" + index).get();
  }

  private String role(int index) {
    return pod(index).getMetadata().getLabels().get(Labels.ROLE);
  }

  private String readiness(int index) {
    return pod(index).getStatus().getConditions().stream()
        .filter(c -> PodConditions.READY.equals(c.getType()))
        .map(c -> c.getStatus())
        .findFirst()
        .orElse(null);
  }

  private List<String> versions() {
    return IntStream.range(0, 3).mapToObj(i -> pod(i).getMetadata().getResourceVersion()).toList();
  }
}
