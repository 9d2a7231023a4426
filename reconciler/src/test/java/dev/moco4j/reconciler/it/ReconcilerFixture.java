package dev.moco4j.reconciler.it;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.v1beta1.ApiGroup;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterSpec;
import dev.moco4j.reconciler.MySQLClusterReconciler;
import dev.moco4j.reconciler.ReconcileFindings;
import dev.moco4j.reconciler.operation.KubeCallPool;
import dev.moco4j.reconciler.operation.KubeOperations;
import dev.moco4j.reconciler.operation.ResourceOperation;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One test's reconciler against the real API server, and the golden three-instance cluster ("shop")
 * and what other parties (the StatefulSet controller, the kubelet, the health-monitor) would have
 * done to it.
 */
final class ReconcilerFixture implements AutoCloseable {

  static final String CLUSTER = "shop";
  static final String USER_CONFIG_MAP = "shop-mycnf";
  static final KubernetesSerialization YAML = new KubernetesSerialization();

  final KubernetesClient client;
  final String namespace;
  final ExecutorService pool = KubeCallPool.create(2);
  final KubeOperations ops;
  final MySQLClusterReconciler reconciler;

  ReconcilerFixture(KubernetesClient client) {
    this.client = client;
    this.namespace = client.getNamespace();
    this.ops = KubeOperations.create(client, pool, Clock.systemUTC());
    this.reconciler =
        new MySQLClusterReconciler(ops, new SecureRandom(), Clock.systemUTC(), "test");
  }

  static String golden(String file) {
    try (InputStream in = ReconcilerFixture.class.getResourceAsStream("/golden/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The golden three-instance cluster, created in this test's namespace. */
  MySQLCluster createCluster() {
    MySQLCluster cluster =
        YAML.unmarshal(golden("three-instances/cluster.yaml"), MySQLCluster.class);
    cluster.getMetadata().setNamespace(namespace);
    cluster.getMetadata().setUid(null);
    // A fixed nodePort is allocated cluster-wide: tests in other namespaces would collide on it.
    cluster.getSpec().getReplicaServiceTemplate().spec().setPorts(null);
    return client.resource(cluster).create();
  }

  /** The tenant's my.cnf ConfigMap, with the golden entries (three of them protected keys). */
  void createUserConfigMap() {
    @SuppressWarnings("unchecked")
    Map<String, String> data = YAML.unmarshal(golden("three-instances/mycnf.yaml"), Map.class);
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(USER_CONFIG_MAP)
                .endMetadata()
                .withData(data)
                .build())
        .create();
  }

  /** Changes the spec as a tenant would with kubectl edit. */
  void editSpec(Consumer<MySQLClusterSpec> change) {
    client
        .resources(MySQLCluster.class)
        .withName(CLUSTER)
        .edit(
            c -> {
              change.accept(c.getSpec());
              return c;
            });
  }

  static void setImage(MySQLClusterSpec spec, String image) {
    spec.getPodTemplate().spec().getContainers().getFirst().setImage(image);
  }

  MySQLCluster cluster() {
    return client.resources(MySQLCluster.class).withName(CLUSTER).get();
  }

  ReconcileFindings reconcile() throws Exception {
    return reconciler.reconcile(cluster()).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  StatefulSet statefulSet() {
    return client.apps().statefulSets().withName(CLUSTER).get();
  }

  /**
   * Pods as the StatefulSet controller would create them from the current template, Ready with the
   * readiness gate True, as the kubelet and the health-monitor would report them.
   */
  List<Pod> createReadyPods() {
    StatefulSet sts = statefulSet();
    for (int i = 0; i < sts.getSpec().getReplicas(); i++) {
      Pod pod =
          client
              .resource(
                  new PodBuilder()
                      .withNewMetadataLike(sts.getSpec().getTemplate().getMetadata())
                      .withName(CLUSTER + "-" + i)
                      .endMetadata()
                      .withSpec(sts.getSpec().getTemplate().getSpec())
                      // The StatefulSet controller adds the claim of each volumeClaimTemplate.
                      .editSpec()
                      .addNewVolume()
                      .withName("mysql-data")
                      .withNewPersistentVolumeClaim()
                      .withClaimName("mysql-data-" + CLUSTER + "-" + i)
                      .endPersistentVolumeClaim()
                      .endVolume()
                      .endSpec()
                      .build())
              .create();
      pod.setStatus(
          new PodStatusBuilder()
              .withPhase("Running")
              .withConditions(
                  new PodConditionBuilder().withType("Ready").withStatus("True").build(),
                  new PodConditionBuilder()
                      .withType(PodConditions.READY)
                      .withStatus("True")
                      .build())
              .build());
      client.resource(pod).updateStatus();
    }
    return client.pods().list().getItems();
  }

  /** What the health-monitor writes, with its own field manager. */
  void healthMonitorReports(String state, int primaryIndex) {
    GenericKubernetesResource patch =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(ApiGroup.API_VERSION)
            .withKind("MySQLCluster")
            .withNewMetadata()
            .withName(CLUSTER)
            .withNamespace(namespace)
            .endMetadata()
            .build();
    patch.setAdditionalProperty(
        "status",
        Map.of(
            "state",
            state,
            "currentPrimaryIndex",
            primaryIndex,
            "conditions",
            List.of(
                Map.of(
                    "type", "Healthy",
                    "status", "True",
                    "reason", "Measured",
                    "message", "by the health-monitor",
                    "lastTransitionTime", "2026-01-01T00:00:00Z"))));
    client
        .genericKubernetesResources(ApiGroup.API_VERSION, "MySQLCluster")
        .resource(patch)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager("moco4j-health-monitor")
                .withForce(true)
                .build());
  }

  void stopReconciliation() {
    client
        .resources(MySQLCluster.class)
        .withName(CLUSTER)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + Annotations.RECONCILIATION_STOPPED
                + "\":\"true\"}}}");
  }

  /** Applies objects of the golden files as an earlier build of the reconciler left them. */
  <T extends HasMetadata> T applyGolden(String file, Class<T> type, String ownerUid) {
    T object = YAML.unmarshal(golden("three-instances/expected/" + file), type);
    object.getMetadata().setNamespace(namespace);
    object.getMetadata().getOwnerReferences().forEach(ref -> ref.setUid(ownerUid));
    return client.resource(object).fieldManager(ResourceOperation.FIELD_MANAGER).serverSideApply();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
