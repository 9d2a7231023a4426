package dev.moco4j.reconciler.operation;

import dev.moco4j.api.v1beta1.ApiGroup;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Writes the reconciler's part of a MySQLCluster's status by server-side apply on the status
 * subresource. Only the fields set in the given status are sent, and the conditions list is a map
 * keyed by type, so the health-monitor's fields and conditions stay as they are.
 */
public final class StatusOperation {

  private final KubernetesClient client;
  private final Executor executor;

  public StatusOperation(KubernetesClient client, Executor executor) {
    this.client = client;
    this.executor = executor;
  }

  public CompletionStage<Void> apply(MySQLCluster cluster, MySQLClusterStatus reconcilerPart) {
    // A generic resource, not a MySQLCluster: that class always carries a spec with defaults,
    // which has no business in a status apply.
    GenericKubernetesResource patch =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(ApiGroup.API_VERSION)
            .withKind(cluster.getKind())
            .withNewMetadata()
            .withName(cluster.getMetadata().getName())
            .withNamespace(cluster.getMetadata().getNamespace())
            .endMetadata()
            .build();
    patch.setAdditionalProperty(
        "status", Serialization.jsonMapper().convertValue(reconcilerPart, Map.class));
    return CompletableFuture.runAsync(
        () ->
            client
                .genericKubernetesResources(ApiGroup.API_VERSION, cluster.getKind())
                .resource(patch)
                .subresource("status")
                .patch(
                    new PatchContext.Builder()
                        .withPatchType(PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager(ResourceOperation.FIELD_MANAGER)
                        .withForce(true)
                        .build()),
        executor);
  }
}
