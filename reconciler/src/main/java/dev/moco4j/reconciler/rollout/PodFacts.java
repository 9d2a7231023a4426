package dev.moco4j.reconciler.rollout;

/**
 * What the rollout planner needs to know about one MySQL pod.
 *
 * @param name the pod's name
 * @param index the instance index (the pod name's ordinal)
 * @param restartHash the pod's {@code moco4j.dev/restart-hash} annotation, or null
 * @param ready the pod's Ready condition is True
 * @param gateReady the readiness gate {@code moco4j.dev/ready} is True
 * @param terminating the pod has a deletion timestamp
 * @param labelledPrimary the pod carries the role label primary
 * @param demoteRequested the pod carries {@code moco4j.dev/demote=true}
 */
public record PodFacts(
    String name,
    int index,
    String restartHash,
    boolean ready,
    boolean gateReady,
    boolean terminating,
    boolean labelledPrimary,
    boolean demoteRequested) {

  /** Serving: Ready, its readiness gate True, and not on its way out. */
  public boolean serving() {
    return ready && gateReady && !terminating;
  }
}
