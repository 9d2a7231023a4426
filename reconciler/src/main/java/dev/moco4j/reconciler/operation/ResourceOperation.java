package dev.moco4j.reconciler.operation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Server-side apply, read and delete of one kind of namespaced object that a MySQLCluster owns.
 * Every call blocks on the given executor, never on the caller's thread.
 */
public class ResourceOperation<T extends HasMetadata> {

  /** The field manager of every write the reconciler makes. */
  public static final String FIELD_MANAGER = "moco4j-reconciler";

  protected final KubernetesClient client;
  private final Executor executor;
  private final Class<T> type;

  public ResourceOperation(KubernetesClient client, Executor executor, Class<T> type) {
    this.client = client;
    this.executor = executor;
    this.type = type;
  }

  public CompletionStage<Optional<T>> get(String namespace, String name) {
    return call(
        () ->
            Optional.ofNullable(
                client.resources(type).inNamespace(namespace).withName(name).get()));
  }

  public CompletionStage<List<T>> list(String namespace, Map<String, String> labels) {
    return call(
        () -> client.resources(type).inNamespace(namespace).withLabels(labels).list().getItems());
  }

  /**
   * Applies {@code desired} unless an object of its name exists that {@code ownerUid} does not own.
   * Conflicts are forced: every field the desired object sets is one moco4j owns, and another
   * manager's value there (a {@code kubectl edit}) is drift to repair.
   */
  public CompletionStage<ApplyResult<T>> apply(T desired, String ownerUid) {
    String namespace = desired.getMetadata().getNamespace();
    String name = desired.getMetadata().getName();
    return call(
        () -> {
          T existing = client.resources(type).inNamespace(namespace).withName(name).get();
          if (existing != null && !Ownership.ownedBy(existing, ownerUid)) {
            return new ApplyResult.NotOwned<>(desired.getKind(), name);
          }
          T applied =
              client
                  .resource(desired)
                  .fieldManager(FIELD_MANAGER)
                  .forceConflicts()
                  .serverSideApply();
          return new ApplyResult.Applied<>(applied);
        });
  }

  /**
   * Deletes the object if it exists and {@code ownerUid} owns it.
   *
   * @return whether something was deleted
   */
  public CompletionStage<Boolean> deleteOwned(String namespace, String name, String ownerUid) {
    return call(
        () -> {
          T existing = client.resources(type).inNamespace(namespace).withName(name).get();
          if (existing == null || !Ownership.ownedBy(existing, ownerUid)) {
            return false;
          }
          return !client.resource(existing).delete().isEmpty();
        });
  }

  protected <R> CompletionStage<R> call(Supplier<R> blocking) {
    return CompletableFuture.supplyAsync(blocking, executor);
  }
}
