package dev.moco4j.reconciler;

import dev.moco4j.reconciler.rollout.RolloutAction;
import java.util.List;

/**
 * What one reconcile found and did, as the status reports it.
 *
 * @param stopped reconciliation is paused by annotation
 * @param problems what a user can fix, in the order found
 * @param rollout the rolling update's step, or null if the StatefulSet was not reached
 * @param instances the StatefulSet's replicas
 * @param readyInstances the StatefulSet's ready replicas
 */
public record ReconcileFindings(
    boolean stopped,
    List<Problem> problems,
    RolloutAction rollout,
    int instances,
    int readyInstances) {

  public ReconcileFindings {
    problems = List.copyOf(problems);
  }
}
