package dev.moco4j.clustering.model;

import java.time.Duration;

/**
 * The desired shape of a cluster and the switches that change what the engine may do.
 *
 * @param instances number of MySQL instances (odd: 1, 3, 5, ...)
 * @param intermediatePrimary the primary replicates from an external source and stays read-only
 * @param cloned the initial copy from the external source is done (only with an external source)
 * @param restorePending a restore from backup has not finished yet
 * @param clusteringStopped an operator stopped clustering: observe and report, never act
 * @param maxDelay a replica lagging more than this is not counted as synced
 * @param reinitializeErrantReplicas an errant replica is emptied and seeded again automatically
 */
public record ClusterShape(
    int instances,
    boolean intermediatePrimary,
    boolean cloned,
    boolean restorePending,
    boolean clusteringStopped,
    Duration maxDelay,
    boolean reinitializeErrantReplicas) {

  public ClusterShape {
    if (instances < 1 || instances % 2 == 0) {
      throw new IllegalArgumentException(
          "instances must be a positive odd number, got " + instances);
    }
  }

  public static ClusterShape of(int instances) {
    return new ClusterShape(instances, false, false, false, false, Duration.ofSeconds(60), false);
  }

  public ClusterShape withIntermediatePrimary(boolean cloned) {
    return new ClusterShape(
        instances,
        true,
        cloned,
        restorePending,
        clusteringStopped,
        maxDelay,
        reinitializeErrantReplicas);
  }

  public ClusterShape withClusteringStopped(boolean stopped) {
    return new ClusterShape(
        instances,
        intermediatePrimary,
        cloned,
        restorePending,
        stopped,
        maxDelay,
        reinitializeErrantReplicas);
  }

  public ClusterShape withRestorePending(boolean pending) {
    return new ClusterShape(
        instances,
        intermediatePrimary,
        cloned,
        pending,
        clusteringStopped,
        maxDelay,
        reinitializeErrantReplicas);
  }

  public ClusterShape withErrantReplicaRecovery(boolean reinitialize) {
    return new ClusterShape(
        instances,
        intermediatePrimary,
        cloned,
        restorePending,
        clusteringStopped,
        maxDelay,
        reinitialize);
  }

  public int replicas() {
    return instances - 1;
  }
}
