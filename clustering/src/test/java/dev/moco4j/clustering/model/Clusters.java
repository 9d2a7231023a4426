package dev.moco4j.clustering.model;

import dev.moco4j.clustering.model.ClusterObservation.SwitchoverRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Test data for a whole observation: every instance starts DOWN; a test says which are up with
 * which facts, and which switches are set.
 */
final class Clusters {

  private ClusterShape shape;
  private int primary;
  private final InstanceObservation[] instances;
  private final Set<Integer> knownErrant = new HashSet<>();
  private Optional<SwitchoverRequest> switchover = Optional.empty();
  private final Map<Integer, Integer> seeding = new HashMap<>();

  private Clusters(int size) {
    shape = ClusterShape.of(size);
    instances = new InstanceObservation[size];
    for (int i = 0; i < size; i++) {
      instances[i] = InstanceObservation.unreachable(i, Facts.endpoint(i), Reachability.DOWN);
    }
  }

  /** A cluster of {@code size} instances whose recorded primary is instance 0. */
  static Clusters of(int size) {
    return new Clusters(size);
  }

  Clusters primaryIndex(int index) {
    primary = index;
    return this;
  }

  Clusters up(int index, Facts facts) {
    instances[index] =
        InstanceObservation.up(index, Facts.endpoint(index), facts.build(100 + index))
            .withPod(instances[index].pod());
    return this;
  }

  /** Up with facts built as they are, e.g. from generated data. */
  Clusters up(int index, dev.moco4j.mysql.InstanceFacts facts) {
    instances[index] =
        InstanceObservation.up(index, Facts.endpoint(index), facts).withPod(instances[index].pod());
    return this;
  }

  Clusters down(int index) {
    return unreachable(index, Reachability.DOWN);
  }

  Clusters suspect(int index) {
    return unreachable(index, Reachability.SUSPECT);
  }

  private Clusters unreachable(int index, Reachability reachability) {
    instances[index] =
        InstanceObservation.unreachable(index, Facts.endpoint(index), reachability)
            .withPod(instances[index].pod());
    return this;
  }

  Clusters pod(int index, PodFlags flags) {
    instances[index] = instances[index].withPod(flags);
    return this;
  }

  Clusters knownErrant(Integer... indexes) {
    knownErrant.addAll(Set.of(indexes));
    return this;
  }

  /** A background job is seeding {@code instance} from {@code donor}. */
  Clusters seeding(int instance, int donor) {
    seeding.put(instance, donor);
    return this;
  }

  Clusters switchoverRequested() {
    switchover = Optional.of(new SwitchoverRequest(Optional.empty()));
    return this;
  }

  Clusters switchoverRequested(int target) {
    switchover = Optional.of(new SwitchoverRequest(Optional.of(target)));
    return this;
  }

  Clusters errantReplicaRecovery() {
    shape = shape.withErrantReplicaRecovery(true);
    return this;
  }

  Clusters clusteringStopped() {
    shape = shape.withClusteringStopped(true);
    return this;
  }

  Clusters restorePending() {
    shape = shape.withRestorePending(true);
    return this;
  }

  /** The primary replicates from {@link Facts#EXTERNAL}. */
  Clusters intermediatePrimary(boolean cloned) {
    shape = shape.withIntermediatePrimary(cloned);
    return this;
  }

  ClusterObservation observation() {
    return new ClusterObservation(
        shape,
        primary,
        knownErrant,
        java.util.List.of(instances),
        shape.intermediatePrimary() ? Optional.of(Facts.EXTERNAL) : Optional.empty(),
        switchover,
        seeding);
  }

  Decision decide() {
    return ClusterDecider.decide(observation());
  }
}
