package dev.moco4j.clustering.model;

import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The replica to promote in a failover, chosen after every replica's I/O thread was stopped.
 *
 * <p>All legitimate transactions come from one primary, so the sets non-errant replicas received
 * are nested: the candidate is a replica whose received set (executed plus retrieved) contains the
 * received set of every other eligible replica, so promoting it loses nothing any of them has.
 *
 * <p>When no replica has that, the replicas diverged: some hold transactions that others lack in
 * both directions. Without the primary it cannot be told which side is errant: a transaction that
 * only one replica holds may be a committed transaction it alone acknowledged, or a write made on
 * it by mistake; the number of transactions says nothing either. Then there is no choice: promoting
 * either side could drop acknowledged commits, so nothing is promoted and an operator decides.
 *
 * @param received what the candidate must finish applying before it takes writes
 */
public record FailoverChoice(int candidate, GtidSet received) {

  /**
   * Chooses among replicas that are up and not known to be errant; empty if there are none, or if
   * none of them has received every transaction the others executed.
   */
  public static Optional<FailoverChoice> choose(
      List<InstanceObservation> replicas, Set<Integer> knownErrant) {
    List<InstanceObservation> eligible =
        replicas.stream()
            .filter(InstanceObservation::isUp)
            .filter(r -> !knownErrant.contains(r.index()))
            .toList();
    return eligible.stream()
        .filter(candidate -> receivedEverything(candidate, eligible))
        .map(c -> new FailoverChoice(c.index(), Replication.received(c.requireFacts())))
        .max(
            Comparator.comparingLong((FailoverChoice c) -> c.received().count())
                .thenComparing(c -> -c.candidate()));
  }

  /**
   * Whether a replica's word counts in a failover vote: it holds data and replicates from the
   * failed primary, so it could have acknowledged that primary's commits. An empty or re-created
   * instance, or one set up from elsewhere, vouches for nothing.
   */
  public static boolean canVouch(InstanceObservation replica, MySqlEndpoint failedPrimary) {
    return replica.isUp()
        && !replica.requireFacts().gtidExecuted().isEmpty()
        && replica
            .requireFacts()
            .replicaStatus()
            .filter(status -> Replication.pointsAt(status, failedPrimary))
            .isPresent();
  }

  private static boolean receivedEverything(
      InstanceObservation candidate, List<InstanceObservation> eligible) {
    GtidSet received = Replication.received(candidate.requireFacts());
    // Against what the others received, not only executed: a transaction only one replica
    // received (its relay log holds it, unapplied) may be the one acknowledgement that let the
    // primary commit it.
    return eligible.stream()
        .allMatch(other -> Replication.received(other.requireFacts()).isSubsetOf(received));
  }
}
