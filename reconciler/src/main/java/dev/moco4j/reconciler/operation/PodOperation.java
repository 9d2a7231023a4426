package dev.moco4j.reconciler.operation;

import dev.moco4j.api.names.Annotations;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The two things the reconciler does to MySQL pods during a rolling update: delete one, and ask the
 * health-monitor to switch the primary away from one.
 */
public final class PodOperation extends ResourceOperation<Pod> {

  private static final String DEMOTE_PATCH =
      "{\"metadata\":{\"annotations\":{\""
          + Annotations.DEMOTE
          + "\":\""
          + Annotations.TRUE
          + "\"}}}";

  public PodOperation(KubernetesClient client, Executor executor) {
    super(client, executor, Pod.class);
  }

  /**
   * Deletes the pod only in the version the rollout plan looked at: a pod re-created under the same
   * name, or changed since (say, no longer Ready), is not deleted on stale facts.
   */
  public CompletionStage<Void> delete(Pod observed) {
    return call(
        () -> {
          client
              .pods()
              .inNamespace(observed.getMetadata().getNamespace())
              .withName(observed.getMetadata().getName())
              .lockResourceVersion(observed.getMetadata().getResourceVersion())
              .delete();
          return null;
        });
  }

  /** Annotates the pod with {@link Annotations#DEMOTE}; a merge patch touches nothing else. */
  public CompletionStage<Void> requestDemotion(Pod pod) {
    return call(
        () -> {
          client
              .pods()
              .inNamespace(pod.getMetadata().getNamespace())
              .withName(pod.getMetadata().getName())
              .patch(PatchContext.of(PatchType.JSON_MERGE), DEMOTE_PATCH);
          return null;
        });
  }
}
