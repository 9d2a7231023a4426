package dev.moco4j.clustering.model;

import dev.moco4j.mysql.MySqlEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one pass knows: the shape, the recorded primary, the instances, and requests.
 *
 * @param currentPrimaryIndex the primary recorded in the cluster's status (the source of truth)
 * @param knownErrant instances recorded as errant by earlier passes
 * @param externalSource where an intermediate primary replicates from
 * @param switchoverRequest a requested switchover, optionally to a chosen instance
 * @param seeding instances being seeded in the background, each with its donor's index
 */
public record ClusterObservation(
    ClusterShape shape,
    int currentPrimaryIndex,
    Set<Integer> knownErrant,
    List<InstanceObservation> instances,
    Optional<MySqlEndpoint> externalSource,
    Optional<SwitchoverRequest> switchoverRequest,
    Map<Integer, Integer> seeding) {

  public ClusterObservation {
    if (instances.size() != shape.instances()) {
      throw new IllegalArgumentException(
          "observed " + instances.size() + " instances, shape has " + shape.instances());
    }
    if (currentPrimaryIndex < 0 || currentPrimaryIndex >= instances.size()) {
      throw new IllegalArgumentException("primary index out of range: " + currentPrimaryIndex);
    }
    if (shape.intermediatePrimary() && externalSource.isEmpty()) {
      throw new IllegalArgumentException("an intermediate primary needs an external source");
    }
    knownErrant = Set.copyOf(knownErrant);
    instances = List.copyOf(instances);
    seeding = Map.copyOf(seeding);
  }

  /** An observation with no instance being seeded. */
  public ClusterObservation(
      ClusterShape shape,
      int currentPrimaryIndex,
      Set<Integer> knownErrant,
      List<InstanceObservation> instances,
      Optional<MySqlEndpoint> externalSource,
      Optional<SwitchoverRequest> switchoverRequest) {
    this(
        shape,
        currentPrimaryIndex,
        knownErrant,
        instances,
        externalSource,
        switchoverRequest,
        Map.of());
  }

  /** A requested switchover; {@code target} empty lets the engine choose. */
  public record SwitchoverRequest(Optional<Integer> target) {}

  public InstanceObservation primary() {
    return instances.get(currentPrimaryIndex);
  }

  public List<InstanceObservation> replicas() {
    return instances.stream().filter(i -> i.index() != currentPrimaryIndex).toList();
  }

  public boolean isSeeding(int index) {
    return seeding.containsKey(index);
  }
}
