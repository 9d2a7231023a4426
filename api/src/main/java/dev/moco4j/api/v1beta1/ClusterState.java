package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of a MySQLCluster as the health-monitor last measured it. */
public enum ClusterState {
  /**
   * All pods ready, no errant replica, every replica read-only and replicating from the primary.
   */
  @JsonProperty("Healthy")
  HEALTHY,
  /** The primary is fine and at least half of the replicas are, but not all. */
  @JsonProperty("Degraded")
  DEGRADED,
  /** The primary is gone or lost data and more than half of the replicas are fine: failover. */
  @JsonProperty("Failed")
  FAILED,
  /** The primary is gone and half or more replicas are unusable: only a restore helps. */
  @JsonProperty("Lost")
  LOST,
  /** The first instance is being copied from the external replication source. */
  @JsonProperty("Cloning")
  CLONING,
  /** spec.restore is set and the restore has not finished yet. */
  @JsonProperty("Restoring")
  RESTORING,
  /** Anything else, e.g. instances still starting. */
  @JsonProperty("Incomplete")
  INCOMPLETE
}
