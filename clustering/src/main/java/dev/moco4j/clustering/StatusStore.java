package dev.moco4j.clustering;

import java.util.Set;

/**
 * Where the cluster's status lives (the MySQLCluster's status subresource in Kubernetes).
 *
 * <p>Changing the primary is a compare-and-swap against the version that was read: if two engines
 * decide to promote at the same time, exactly one swap succeeds, so the cluster never has two
 * primaries on record.
 */
public interface StatusStore {

  StoredStatus read();

  /**
   * Records {@code newPrimary} and {@code errant} if the stored status is still at {@code
   * expected.version()}.
   *
   * @return false when someone else changed the status since it was read; nothing was written
   */
  boolean swapPrimary(StoredStatus expected, int newPrimary, Set<Integer> errant);

  /** Records the outcome of a pass (state, errant and synced instances, message). */
  void report(ClusterReport report);

  /** Records that the intermediate primary's initial copy is done. */
  void markCloned();
}
