package dev.moco4j.mysql.seed;

/** Whose server a seed copies from, which decides how intrusively it may take its snapshot. */
public enum DonorKind {
  /** The cluster's own primary: a brief FLUSH TABLES WITH READ LOCK is acceptable. */
  OWN_PRIMARY,
  /** One of the cluster's own replicas: its applier may be paused for a moment. */
  OWN_REPLICA,
  /**
   * A server moco4j does not own (an intermediate primary's source): neither its writes nor its
   * replication may be held up, so the copy takes no global read lock and never stops replication.
   */
  EXTERNAL
}
