package dev.moco4j.clustering.model;

import dev.moco4j.clustering.model.Operation.Converge;
import dev.moco4j.clustering.model.Operation.Failover;
import dev.moco4j.clustering.model.Operation.Switchover;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The clustering rules: from one observation of a cluster to its state, its errant and synced
 * instances, and the one operation to run next. Pure: no I/O, no clock.
 */
public final class ClusterDecider {

  private ClusterDecider() {}

  public static Decision decide(ClusterObservation o) {
    ClusterShape shape = o.shape();
    if (shape.restorePending()) {
      return quiet(o, ClusterState.RESTORING, "waiting for the restore from backup to finish");
    }
    InstanceObservation primary = o.primary();
    if (shape.intermediatePrimary() && !shape.cloned()) {
      Operation next =
          primary.isUp() && !shape.clusteringStopped()
              ? new Operation.CloneFromExternal(primary.index())
              : new Operation.None("waiting for instance " + primary.index() + " to copy from");
      return new Decision(
          ClusterState.CLONING,
          new TreeSet<>(o.knownErrant()),
          new TreeSet<>(),
          next,
          "copying the initial data from the external source");
    }
    if (primary.reachability() == Reachability.SUSPECT) {
      return quiet(
          o,
          ClusterState.INCOMPLETE,
          "primary " + primary.index() + " is unreachable; not yet long enough to fail over");
    }
    if (!primary.isUp()) {
      return withoutPrimary(o, "primary " + primary.index() + " is down");
    }
    if (lostData(o)) {
      return withoutPrimary(
          o, "primary " + primary.index() + " lacks transactions that its replicas hold");
    }
    return withPrimary(o, primary.requireFacts());
  }

  /**
   * The primary lost data that its replicas still hold, so promoting a replica is the way to keep
   * it, and making the primary writable would silently drop it. Either its GTID set is empty while
   * a replica holds transactions from some other server (the data directory was lost; a
   * re-initialized instance also gets a new server_uuid), whatever that replica replicates from; or
   * a replica that replicates from the primary holds transactions of the primary's own stream that
   * the read-only primary lacks (it lost its tail). Transactions a replica originated itself are
   * errant writes, and those of the primary's own stream (or, for an intermediate primary, what it
   * already received) may be commits in flight: neither proves a loss.
   */
  private static boolean lostData(ClusterObservation o) {
    InstanceFacts primary = o.primary().requireFacts();
    boolean intermediate = o.shape().intermediatePrimary();
    MySqlEndpoint endpoint = o.primary().endpoint();
    return o.replicas().stream()
        .filter(InstanceObservation::isUp)
        .filter(r -> !o.knownErrant().contains(r.index()))
        .anyMatch(
            r ->
                primary.gtidExecuted().isEmpty()
                    ? Divergence.holdsAnotherServersTransactions(
                        r.requireFacts(), primary, intermediate)
                    : !intermediate
                        && FailoverChoice.canVouch(r, endpoint)
                        && Divergence.primaryLostItsTail(r.requireFacts(), primary));
  }

  private static Decision withoutPrimary(ClusterObservation o, String why) {
    MySqlEndpoint failed = o.primary().endpoint();
    List<Integer> usable =
        o.replicas().stream()
            .filter(r -> !o.knownErrant().contains(r.index()))
            .filter(r -> FailoverChoice.canVouch(r, failed))
            .map(InstanceObservation::index)
            .filter(i -> !o.isSeeding(i))
            .toList();
    int replicas = o.shape().replicas();
    // Semi-sync makes the primary wait for (instances - 1) / 2 acknowledgements, so any group of
    // more than half of the replicas holds at least one that acknowledged every committed
    // transaction: only then is promoting the most advanced of them loss-free. Only replicas that
    // could have acknowledged count: an empty one, or one not replicating from this primary, says
    // nothing about what the primary committed.
    if (2 * usable.size() > replicas) {
      Operation next =
          o.shape().clusteringStopped()
              ? new Operation.None("clustering is stopped")
              : new Failover(o.currentPrimaryIndex(), usable);
      return new Decision(
          ClusterState.FAILED,
          new TreeSet<>(o.knownErrant()),
          new TreeSet<>(),
          next,
          why + "; " + usable.size() + " of " + replicas + " replicas can take over");
    }
    String message =
        replicas == 0
            ? why + "; waiting for it to come back"
            : why
                + " and only "
                + usable.size()
                + " of "
                + replicas
                + " replicas are usable: no safe failover, bring instances back or restore from"
                + " backup";
    return quiet(o, ClusterState.LOST, message);
  }

  private static Decision withPrimary(ClusterObservation o, InstanceFacts primaryFacts) {
    SortedSet<Integer> errant = errant(o, primaryFacts);
    SortedSet<Integer> synced = synced(o, errant);
    boolean primaryReady = primaryReady(o, primaryFacts);
    int replicas = o.shape().replicas();
    Optional<String> unseen = ReplicaConnections.shortfall(primaryFacts, synced.size());
    ClusterState state;
    if (primaryReady && synced.size() == replicas && unseen.isEmpty()) {
      state = ClusterState.HEALTHY;
    } else if (primaryReady && 2 * synced.size() >= replicas) {
      state = ClusterState.DEGRADED;
    } else {
      state = ClusterState.INCOMPLETE;
    }
    String message = describe(state, o, errant, synced) + unseen.map(u -> "; " + u).orElse("");
    if (o.shape().clusteringStopped()) {
      return new Decision(
          state, errant, synced, new Operation.None("clustering is stopped"), message);
    }
    // A writable instance other than the primary is fenced before anything else, a switchover
    // included: the converge below makes it super_read_only, the switchover follows next pass.
    Optional<Switchover> switchover =
        writableReplica(o) ? Optional.empty() : switchover(o, state, synced);
    if (switchover.isPresent()) {
      return new Decision(state, errant, synced, switchover.get(), message);
    }
    List<Step> steps = ConvergePlan.steps(o, primaryFacts, errant, synced);
    Optional<Operation> recovery = errantRecovery(o, primaryFacts, state, errant, steps);
    if (recovery.isPresent()) {
      return new Decision(state, errant, synced, recovery.get(), message);
    }
    Operation next =
        steps.isEmpty()
            ? new Operation.None("nothing to change")
            : new Converge(o.currentPrimaryIndex(), steps);
    return new Decision(state, errant, synced, next, message);
  }

  /**
   * Re-initializes one errant replica, only when the user opted in and the cluster is otherwise
   * fine. Never while any instance still needs fencing or a copy: those come first, and an empty
   * instance may be one that is being seeded, so two re-initializations never overlap.
   */
  private static Optional<Operation> errantRecovery(
      ClusterObservation o,
      InstanceFacts primary,
      ClusterState state,
      SortedSet<Integer> errant,
      List<Step> steps) {
    if (!o.shape().reinitializeErrantReplicas()
        || (state != ClusterState.HEALTHY && state != ClusterState.DEGRADED)) {
      return Optional.empty();
    }
    boolean otherWorkFirst =
        steps.stream()
            .anyMatch(
                s ->
                    s instanceof Step.MakeSuperReadOnly
                        || s instanceof Step.MakeWritable
                        || s instanceof Step.Seed);
    boolean anEmptyReplica =
        o.replicas().stream()
            .filter(InstanceObservation::isUp)
            .anyMatch(r -> r.requireFacts().gtidExecuted().isEmpty());
    if (otherWorkFirst || anEmptyReplica) {
      return Optional.empty();
    }
    return o.replicas().stream()
        .filter(InstanceObservation::isUp)
        .filter(r -> errant.contains(r.index()))
        .findFirst()
        .map(
            r ->
                new Operation.ReinitializeErrant(
                    r.index(),
                    Divergence.missingFromPrimary(
                        r.requireFacts(), primary, o.shape().intermediatePrimary())));
  }

  /**
   * The transactions each reachable errant replica holds that the primary lacks, for the status:
   * what a person needs to judge them, and what an automatic re-initialization throws away.
   */
  public static SortedMap<Integer, GtidSet> errantTransactions(
      ClusterObservation o, Set<Integer> errant) {
    SortedMap<Integer, GtidSet> transactions = new TreeMap<>();
    if (!o.primary().isUp()) {
      return transactions;
    }
    InstanceFacts primary = o.primary().requireFacts();
    for (InstanceObservation replica : o.replicas()) {
      if (replica.isUp() && errant.contains(replica.index())) {
        transactions.put(
            replica.index(),
            Divergence.missingFromPrimary(
                replica.requireFacts(), primary, o.shape().intermediatePrimary()));
      }
    }
    return transactions;
  }

  private static boolean writableReplica(ClusterObservation o) {
    return o.replicas().stream()
        .filter(InstanceObservation::isUp)
        .anyMatch(r -> !Fencing.fenced(o, r));
  }

  /** A replica is errant when it executed transactions that cannot come from the primary. */
  private static SortedSet<Integer> errant(ClusterObservation o, InstanceFacts primary) {
    SortedSet<Integer> errant = new TreeSet<>();
    boolean intermediate = o.shape().intermediatePrimary();
    for (InstanceObservation replica : o.replicas()) {
      if (replica.isUp()) {
        if (Divergence.isErrant(replica.requireFacts(), primary, intermediate)) {
          errant.add(replica.index());
        }
      } else if (o.knownErrant().contains(replica.index())) {
        // Unreachable now, but it was errant and nothing re-initialized it since.
        errant.add(replica.index());
      }
    }
    return errant;
  }

  private static SortedSet<Integer> synced(ClusterObservation o, SortedSet<Integer> errant) {
    SortedSet<Integer> synced = new TreeSet<>();
    for (InstanceObservation replica : o.replicas()) {
      if (!replica.isUp() || errant.contains(replica.index()) || o.isSeeding(replica.index())) {
        continue;
      }
      InstanceFacts facts = replica.requireFacts();
      if (facts.superReadOnly()
          && Replication.isReplicatingFrom(facts, o.primary().endpoint())
          && Replication.withinDelay(facts, o.shape().maxDelay())) {
        synced.add(replica.index());
      }
    }
    return synced;
  }

  private static boolean primaryReady(ClusterObservation o, InstanceFacts primary) {
    if (o.shape().intermediatePrimary()) {
      return primary.superReadOnly()
          && Replication.isReplicatingFrom(primary, o.externalSource().orElseThrow());
    }
    return !primary.readOnly() && primary.replicaStatus().isEmpty();
  }

  private static Optional<Switchover> switchover(
      ClusterObservation o, ClusterState state, SortedSet<Integer> synced) {
    if (state != ClusterState.HEALTHY && state != ClusterState.DEGRADED) {
      return Optional.empty();
    }
    InstanceObservation primary = o.primary();
    String reason;
    if (primary.pod().terminating()) {
      reason = "primary pod is terminating";
    } else if (primary.pod().demoteRequested()) {
      reason = "primary was asked to step down";
    } else if (o.switchoverRequest().isPresent()) {
      reason = "switchover requested";
    } else {
      return Optional.empty();
    }
    Optional<Integer> wanted = o.switchoverRequest().flatMap(r -> r.target());
    if (wanted.isPresent()) {
      return synced.contains(wanted.get())
          ? Optional.of(new Switchover(primary.index(), wanted.get(), reason))
          : Optional.empty();
    }
    // Prefer the replica that has executed the most, so the wait for it to catch up is shortest.
    return synced.stream()
        .filter(i -> !o.instances().get(i).pod().terminating())
        .max(
            Comparator.comparingLong(
                    (Integer i) -> o.instances().get(i).requireFacts().gtidExecuted().count())
                .thenComparing(i -> -i))
        .map(target -> new Switchover(primary.index(), target, reason));
  }

  private static Decision quiet(ClusterObservation o, ClusterState state, String message) {
    return new Decision(
        state,
        new TreeSet<>(o.knownErrant()),
        new TreeSet<>(),
        new Operation.None(message),
        message);
  }

  private static String describe(
      ClusterState state,
      ClusterObservation o,
      SortedSet<Integer> errant,
      SortedSet<Integer> synced) {
    List<String> parts = new ArrayList<>();
    parts.add(synced.size() + " of " + o.shape().replicas() + " replicas synced");
    if (!errant.isEmpty()) {
      parts.add("errant: " + errant);
    }
    for (InstanceObservation replica : o.replicas()) {
      replica
          .facts()
          .flatMap(InstanceFacts::replicaStatus)
          .ifPresent(
              s -> {
                if (s.lastIoErrno() != 0) {
                  parts.add(
                      "instance " + replica.index() + " cannot replicate: " + s.lastIoError());
                }
                if (s.lastSqlErrno() != 0) {
                  parts.add("instance " + replica.index() + " cannot apply: " + s.lastSqlError());
                }
              });
      if (!replica.isUp()) {
        parts.add("instance " + replica.index() + " is " + replica.reachability());
      }
      if (o.isSeeding(replica.index())) {
        parts.add(
            "instance "
                + replica.index()
                + " is being seeded from "
                + o.seeding().get(replica.index()));
      }
    }
    return state + ": " + String.join("; ", parts);
  }
}
