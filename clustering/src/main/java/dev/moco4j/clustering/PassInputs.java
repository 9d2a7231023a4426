package dev.moco4j.clustering;

import dev.moco4j.clustering.model.ClusterObservation.SwitchoverRequest;
import dev.moco4j.clustering.model.PodFlags;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform tells one pass besides the instances' own facts.
 *
 * @param pods flags per instance index (missing means none)
 */
public record PassInputs(
    Map<Integer, PodFlags> pods,
    Optional<SwitchoverRequest> switchover,
    boolean restorePending,
    boolean clusteringStopped) {

  public static final PassInputs NONE = new PassInputs(Map.of(), Optional.empty(), false, false);

  public static PassInputs switchoverTo(Optional<Integer> target) {
    return new PassInputs(Map.of(), Optional.of(new SwitchoverRequest(target)), false, false);
  }

  public PassInputs withoutSwitchover() {
    return new PassInputs(pods, Optional.empty(), restorePending, clusteringStopped);
  }

  PodFlags pod(int index) {
    return pods.getOrDefault(index, PodFlags.NONE);
  }
}
