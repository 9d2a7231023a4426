package dev.moco4j.reconciler;

import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.reconciler.operation.KubeOperations;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The last step of every reconcile: writes the reconciler's status and, when what it reports
 * changed, one Warning Event per problem (a periodic resync repeats no Event).
 */
final class StatusStep {

  private final KubeOperations ops;
  private final Clock clock;
  private final String operatorVersion;

  StatusStep(KubeOperations ops, Clock clock, String operatorVersion) {
    this.ops = ops;
    this.clock = clock;
    this.operatorVersion = operatorVersion;
  }

  CompletionStage<Void> write(ReconcileState s) {
    ReconcileFindings found = s.findings();
    MySQLClusterStatus previous = s.cluster.getStatus();
    Long generation = s.cluster.getMetadata().getGeneration();
    MySQLClusterStatus status =
        ReconcilerStatus.build(
            found, previous, generation == null ? 0 : generation, operatorVersion, clock.instant());
    return ops.status()
        .apply(s.cluster, status)
        .thenCompose(v -> changed(previous, status) ? events(s, found) : done());
  }

  private CompletionStage<Void> events(ReconcileState s, ReconcileFindings found) {
    return CompletableFuture.allOf(
        found.problems().stream()
            .map(
                p -> ops.events().warning(s.cluster, p.reason(), p.message()).toCompletableFuture())
            .toArray(CompletableFuture[]::new));
  }

  private static boolean changed(MySQLClusterStatus previous, MySQLClusterStatus current) {
    Optional<Condition> before =
        ReconcilerStatus.find(previous, ReconcilerStatus.RECONCILE_SUCCESS);
    Condition now =
        ReconcilerStatus.find(current, ReconcilerStatus.RECONCILE_SUCCESS).orElseThrow();
    return before.isEmpty()
        || !Objects.equals(before.get().getReason(), now.getReason())
        || !Objects.equals(before.get().getMessage(), now.getMessage());
  }

  private static CompletionStage<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
