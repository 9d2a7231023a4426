package dev.moco4j.clustering.model;

/** The cluster's state, derived each pass from what was observed. */
public enum ClusterState {
  /** Primary fine, every replica replicating from it, read-only and not errant. */
  HEALTHY,
  /** Primary fine and at least half of the replicas fine, but not all. */
  DEGRADED,
  /** Primary gone or lost its data, and more than half of the replicas usable: failover. */
  FAILED,
  /** Primary gone and half or more of the replicas unusable: nothing automatic is safe. */
  LOST,
  /** Copying the initial data from an external source. */
  CLONING,
  /** Waiting for a restore from backup to finish. */
  RESTORING,
  /** Anything else: bootstrapping, too few replicas, a primary briefly unreachable. */
  INCOMPLETE
}
