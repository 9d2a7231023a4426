package dev.moco4j.clustering.model;

import dev.moco4j.mysql.gtid.GtidSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The replica to promote in a failover, chosen after every replica's I/O thread was stopped.
 *
 * <p>All legitimate transactions come from one primary, so the sets non-errant replicas received
 * are nested: the candidate is the replica whose received set (executed plus retrieved) contains
 * the executed sets of the most other replicas. A replica whose executed set it does not contain
 * holds transactions the candidate never saw: that replica is errant and is excluded.
 *
 * @param received what the candidate must finish applying before it takes writes
 * @param errant replicas that hold transactions the candidate lacks
 */
public record FailoverChoice(int candidate, GtidSet received, SortedSet<Integer> errant) {

  /** Chooses among replicas that are up and not known to be errant; empty if there are none. */
  public static Optional<FailoverChoice> choose(
      List<InstanceObservation> replicas, Set<Integer> knownErrant) {
    List<InstanceObservation> eligible =
        replicas.stream()
            .filter(InstanceObservation::isUp)
            .filter(r -> !knownErrant.contains(r.index()))
            .toList();
    return eligible.stream()
        .map(candidate -> evaluate(candidate, eligible))
        .max(
            Comparator.comparingInt((FailoverChoice c) -> -c.errant().size())
                .thenComparingLong(c -> c.received().count())
                .thenComparing(c -> -c.candidate()));
  }

  private static FailoverChoice evaluate(
      InstanceObservation candidate, List<InstanceObservation> eligible) {
    GtidSet received = Replication.received(candidate.requireFacts());
    List<Integer> uncovered = new ArrayList<>();
    for (InstanceObservation other : eligible) {
      if (other.index() != candidate.index()
          && !other.requireFacts().gtidExecuted().isSubsetOf(received)) {
        uncovered.add(other.index());
      }
    }
    return new FailoverChoice(candidate.index(), received, new TreeSet<>(uncovered));
  }
}
