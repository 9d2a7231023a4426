package dev.moco4j.eventbus;

import java.time.Duration;

/**
 * What the health-monitor measured on one instance; part of a {@link ClusterStatusSnapshot}.
 *
 * @param index the pod ordinal of the instance
 * @param role its role; {@link InstanceRole#UNKNOWN} when absent
 * @param ready whether the readiness gate is set
 * @param errant whether its {@code gtid_executed} is not a subset of the primary's
 * @param gtidExecuted its {@code @@gtid_executed}; null when it could not be read
 * @param replicationLag how far it applies behind the primary; null for the primary or when unknown
 */
public record InstanceStatus(
    int index,
    InstanceRole role,
    boolean ready,
    boolean errant,
    String gtidExecuted,
    Duration replicationLag) {

  public InstanceStatus {
    role = Defaults.orElse(role, InstanceRole.UNKNOWN);
  }
}
