package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.v1beta1.ApiGroup;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.StatusStore;
import dev.moco4j.clustering.StoredStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The engine's status store on a MySQLCluster's status subresource. The primary index changes only
 * by a patch that carries the resourceVersion that was read, which the API server applies only if
 * the object is still at that version: of two monitors that read the same status, exactly one
 * promotes. Reports go through server-side apply under their own field manager and never carry the
 * primary index, so a report can never undo a swap.
 */
public final class KubernetesStatusStore implements StatusStore {

  /** The field manager of the health-monitor's status reports. */
  public static final String FIELD_MANAGER = "moco4j-health-monitor";

  /** Swap attempts while only other writers' fields keep changing the version. */
  private static final int SWAP_ATTEMPTS = 3;

  private final KubernetesClient client;
  private final KubeCalls calls;
  private final String namespace;
  private final String name;
  private final InstantSource clock;
  private volatile MySQLCluster lastRead;
  private volatile ClusterReport lastReport;

  public KubernetesStatusStore(
      KubernetesClient client,
      KubeCalls calls,
      String namespace,
      String name,
      InstantSource clock) {
    this.client = client;
    this.calls = calls;
    this.namespace = namespace;
    this.name = name;
    this.clock = clock;
  }

  /** Reads from the API server, not a cache: a stale version would only make swaps fail. */
  @Override
  public StoredStatus read() {
    MySQLCluster cluster = calls.call(() -> resource().get());
    if (cluster == null) {
      throw new IllegalStateException("MySQLCluster " + namespace + "/" + name + " is gone");
    }
    lastRead = cluster;
    MySQLClusterStatus status = cluster.getStatus();
    String version = cluster.getMetadata().getResourceVersion();
    if (status == null) {
      return new StoredStatus(0, Set.of(), false, version);
    }
    return new StoredStatus(
        status.getCurrentPrimaryIndex() == null ? 0 : status.getCurrentPrimaryIndex(),
        status.getErrantReplicaList() == null
            ? Set.of()
            : Set.copyOf(status.getErrantReplicaList()),
        Boolean.TRUE.equals(status.getCloned()),
        version);
  }

  /**
   * Swaps when the status is still at the version read, or when it moved on only in fields the
   * engine does not depend on: the reconciler writes its own conditions to the same status, and a
   * rollout (which asks for a switchover) is exactly when it writes most. Failing the swap then
   * would cost a failed switchover and its Warning Event for nothing. Only the primary index, the
   * errant list and the cloned flag make a swap stale: another monitor's promotion changes the
   * index.
   */
  @Override
  public boolean swapPrimary(StoredStatus expected, int newPrimary, Set<Integer> errant) {
    StoredStatus seen = expected;
    for (int attempt = 1; ; attempt++) {
      if (patchPrimary(seen.version(), newPrimary, errant)) {
        return true;
      }
      if (attempt == SWAP_ATTEMPTS) {
        return false;
      }
      StoredStatus now = read();
      if (now.currentPrimaryIndex() != expected.currentPrimaryIndex()
          || !now.errant().equals(expected.errant())
          || now.cloned() != expected.cloned()) {
        return false;
      }
      seen = now;
    }
  }

  /** The compare-and-swap itself: false when the object is no longer at {@code version}. */
  private boolean patchPrimary(String version, int newPrimary, Set<Integer> errant) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("currentPrimaryIndex", newPrimary);
    status.put("errantReplicas", errant.size());
    status.put("errantReplicaList", errant.stream().sorted().toList());
    Map<String, Object> patch =
        Map.of("metadata", Map.of("resourceVersion", version), "status", status);
    try {
      calls.run(() -> patchStatus(PatchContext.of(PatchType.JSON_MERGE), patch));
      return true;
    } catch (KubernetesClientException e) {
      // 409: someone changed the object since it was read.
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  /** Writes only when something a reader sees would change: most passes write nothing. */
  @Override
  public void report(ClusterReport report) {
    lastReport = report;
    MySQLClusterStatus current = lastRead == null ? null : lastRead.getStatus();
    if (lastRead != null && (current == null || current.getCurrentPrimaryIndex() == null)) {
      // Until the first switchover the index is only implied (absent reads as 0); recorded once,
      // by the same compare-and-swap as a promotion, so `kubectl get` shows the primary. A
      // conflict leaves it for the next pass.
      Set<Integer> errant =
          current == null || current.getErrantReplicaList() == null
              ? Set.of()
              : Set.copyOf(current.getErrantReplicaList());
      patchPrimary(
          lastRead.getMetadata().getResourceVersion(), report.currentPrimaryIndex(), errant);
    }
    MySQLClusterStatus desired = StatusReport.desired(report, current, clock.instant());
    if (!StatusReport.changed(current, desired)) {
      return;
    }
    Map<String, Object> apply = new LinkedHashMap<>();
    apply.put("apiVersion", ApiGroup.API_VERSION);
    apply.put("kind", "MySQLCluster");
    apply.put("metadata", Map.of("name", name, "namespace", namespace));
    apply.put("status", desired);
    PatchContext context =
        new PatchContext.Builder()
            .withPatchType(PatchType.SERVER_SIDE_APPLY)
            .withFieldManager(FIELD_MANAGER)
            // The health-monitor is the one writer of these fields; a swap's patch also touches
            // the errant list, and it must not make the next report fail on a conflict.
            .withForce(true)
            .build();
    calls.run(() -> patchStatus(context, apply));
  }

  @Override
  public void markCloned() {
    calls.run(
        () ->
            patchStatus(
                PatchContext.of(PatchType.JSON_MERGE), Map.of("status", Map.of("cloned", true))));
  }

  /** The last report of a pass, or null before the first. */
  public ClusterReport lastReport() {
    return lastReport;
  }

  private void patchStatus(PatchContext context, Object body) {
    resource()
        .subresource("status")
        .patch(context, client.getKubernetesSerialization().asJson(body));
  }

  private Resource<MySQLCluster> resource() {
    return client.resources(MySQLCluster.class).inNamespace(namespace).withName(name);
  }
}
