package dev.moco4j.clustering.model;

/** Whether the engine could read an instance's facts. */
public enum Reachability {
  /** Facts were read in this pass. */
  UP,
  /** Unreachable, but not for long enough to be declared down: no failover yet. */
  SUSPECT,
  /** Unreachable for longer than the configured detection time. */
  DOWN
}
