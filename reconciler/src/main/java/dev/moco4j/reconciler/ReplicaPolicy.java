package dev.moco4j.reconciler;

import java.util.Optional;

/** Which number of instances the StatefulSet may run now. */
final class ReplicaPolicy {

  static final String SCALE_DOWN_BLOCKED = "ScaleDownNeedsSwitchover";

  private ReplicaPolicy() {}

  /**
   * Scaling down removes the highest indexes; removing the primary's pod would take the cluster's
   * only writable instance away without a switchover, so the current size stays until the primary
   * is on an instance that remains.
   *
   * @param desired spec.replicas
   * @param current the StatefulSet's replicas, or null when it does not exist yet
   * @param primaryIndex status.currentPrimaryIndex, or null
   * @return the problem when the scale-down has to wait
   */
  static Optional<Problem> checkScaleDown(int desired, Integer current, Integer primaryIndex) {
    if (current == null || desired >= current || primaryIndex == null || primaryIndex < desired) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.warning(
            SCALE_DOWN_BLOCKED,
            "spec.replicas "
                + desired
                + " would remove the primary (instance "
                + primaryIndex
                + "); the cluster keeps "
                + current
                + " instances until a switchover moves the primary to an instance below "
                + desired));
  }

  /** The replicas the StatefulSet gets: the desired ones unless a scale-down has to wait. */
  static int allowed(int desired, Integer current, Integer primaryIndex) {
    return checkScaleDown(desired, current, primaryIndex).isPresent() ? current : desired;
  }
}
