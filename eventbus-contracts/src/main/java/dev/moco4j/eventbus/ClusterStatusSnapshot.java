package dev.moco4j.eventbus;

import java.time.Instant;
import java.util.List;

/**
 * A MySQL cluster's state after one clustering loop, published by the health-monitor on {@link
 * EventBusAddresses#CLUSTER_STATUS}. Informative only: the MySQLCluster status on the API server
 * stays the source of truth for the primary index.
 *
 * @param currentPrimaryIndex the primary's pod ordinal as recorded in the MySQLCluster status
 * @param instances one entry per instance, in index order; empty when absent
 * @param observedAt when the facts were gathered
 */
public record ClusterStatusSnapshot(
    int schemaVersion,
    String namespace,
    String cluster,
    ClusterState state,
    int currentPrimaryIndex,
    List<InstanceStatus> instances,
    Instant observedAt)
    implements EventBusMessage {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  public ClusterStatusSnapshot {
    schemaVersion = Defaults.schemaVersion(schemaVersion);
    state = Defaults.orElse(state, ClusterState.UNKNOWN);
    instances = Defaults.list(instances);
  }

  /** A snapshot written with the current schema version. */
  public ClusterStatusSnapshot(
      String namespace,
      String cluster,
      ClusterState state,
      int currentPrimaryIndex,
      List<InstanceStatus> instances,
      Instant observedAt) {
    this(
        CURRENT_SCHEMA_VERSION,
        namespace,
        cluster,
        state,
        currentPrimaryIndex,
        instances,
        observedAt);
  }
}
