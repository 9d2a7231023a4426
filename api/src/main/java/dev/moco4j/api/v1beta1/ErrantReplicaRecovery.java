package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What moco4j does with a replica that executed transactions the primary never had. */
public enum ErrantReplicaRecovery {
  /** Keep the replica out of service (no replication, not served) until a person decides. */
  @JsonProperty("Never")
  NEVER,
  /**
   * Record the errant GTID set, then drop the replica's data and seed it again from a healthy
   * instance: never the primary, only while the cluster is Healthy or Degraded, one at a time.
   */
  @JsonProperty("Reinitialize")
  REINITIALIZE
}
