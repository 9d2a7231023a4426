package dev.moco4j.clustering.model;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import java.util.Optional;

/** What one pass learned about one instance: its facts when it was reachable. */
public record InstanceObservation(
    int index,
    MySqlEndpoint endpoint,
    Reachability reachability,
    Optional<InstanceFacts> facts,
    PodFlags pod) {

  public InstanceObservation {
    if (facts.isPresent() != (reachability == Reachability.UP)) {
      throw new IllegalArgumentException("facts are present exactly when the instance is UP");
    }
  }

  public static InstanceObservation up(int index, MySqlEndpoint endpoint, InstanceFacts facts) {
    return new InstanceObservation(
        index, endpoint, Reachability.UP, Optional.of(facts), PodFlags.NONE);
  }

  public static InstanceObservation unreachable(
      int index, MySqlEndpoint endpoint, Reachability reachability) {
    return new InstanceObservation(index, endpoint, reachability, Optional.empty(), PodFlags.NONE);
  }

  public InstanceObservation withPod(PodFlags flags) {
    return new InstanceObservation(index, endpoint, reachability, facts, flags);
  }

  public boolean isUp() {
    return reachability == Reachability.UP;
  }

  /** The facts of an instance known to be UP. */
  public InstanceFacts requireFacts() {
    return facts.orElseThrow(() -> new IllegalStateException("instance " + index + " is not up"));
  }
}
