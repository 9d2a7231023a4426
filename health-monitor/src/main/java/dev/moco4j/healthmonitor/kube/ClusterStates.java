package dev.moco4j.healthmonitor.kube;

import dev.moco4j.clustering.model.ClusterState;

/**
 * The one place where the engine's cluster state becomes the MySQLCluster status's and the event
 * bus's: an exhaustive switch, so a new engine state cannot compile without a decision here.
 *
 * @param api the value of {@code status.state}
 * @param bus the value in status snapshots on the event bus
 */
public record ClusterStates(
    dev.moco4j.api.v1beta1.ClusterState api, dev.moco4j.eventbus.ClusterState bus) {

  public static ClusterStates of(ClusterState state) {
    return switch (state) {
      case HEALTHY ->
          new ClusterStates(
              dev.moco4j.api.v1beta1.ClusterState.HEALTHY,
              dev.moco4j.eventbus.ClusterState.HEALTHY);
      case DEGRADED ->
          new ClusterStates(
              dev.moco4j.api.v1beta1.ClusterState.DEGRADED,
              dev.moco4j.eventbus.ClusterState.DEGRADED);
      case FAILED ->
          new ClusterStates(
              dev.moco4j.api.v1beta1.ClusterState.FAILED, dev.moco4j.eventbus.ClusterState.FAILED);
      case LOST ->
          new ClusterStates(
              dev.moco4j.api.v1beta1.ClusterState.LOST, dev.moco4j.eventbus.ClusterState.LOST);
      case CLONING ->
          new ClusterStates(
              dev.moco4j.api.v1beta1.ClusterState.CLONING,
              dev.moco4j.eventbus.ClusterState.CLONING);
      case RESTORING ->
          new ClusterStates(
              dev.moco4j.api.v1beta1.ClusterState.RESTORING,
              dev.moco4j.eventbus.ClusterState.RESTORING);
      case INCOMPLETE ->
          new ClusterStates(
              dev.moco4j.api.v1beta1.ClusterState.INCOMPLETE,
              dev.moco4j.eventbus.ClusterState.INCOMPLETE);
    };
  }

  /**
   * Whether the primary takes writes (or, for an intermediate primary, replicates) as it should.
   */
  public static boolean primaryServes(ClusterState state) {
    return state == ClusterState.HEALTHY || state == ClusterState.DEGRADED;
  }
}
