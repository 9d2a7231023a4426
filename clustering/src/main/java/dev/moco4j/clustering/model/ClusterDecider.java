package dev.moco4j.clustering.model;

import dev.moco4j.clustering.model.Operation.Converge;
import dev.moco4j.clustering.model.Operation.Failover;
import dev.moco4j.clustering.model.Operation.Switchover;
import dev.moco4j.mysql.InstanceFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
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
          o, "primary " + primary.index() + " has no data while replicas have transactions");
    }
    return withPrimary(o, primary.requireFacts());
  }

  /**
   * The primary's GTID set is empty while a replica holds transactions it received from some
   * source: the primary's data directory was lost. Transactions a replica originated itself (its
   * own server_uuid) prove nothing about the primary: they are errant writes, and counting them
   * would fail over from a healthy primary that has simply not been written to yet, onto the errant
   * replica.
   */
  private static boolean lostData(ClusterObservation o) {
    if (!o.primary().requireFacts().gtidExecuted().isEmpty()) {
      return false;
    }
    return o.replicas().stream()
        .filter(InstanceObservation::isUp)
        .filter(r -> !o.knownErrant().contains(r.index()))
        .map(InstanceObservation::requireFacts)
        .anyMatch(ClusterDecider::receivedFromElsewhere);
  }

  private static boolean receivedFromElsewhere(InstanceFacts replica) {
    return replica.gtidExecuted().uuids().stream()
        .anyMatch(uuid -> !uuid.equalsIgnoreCase(replica.serverUuid()));
  }

  private static Decision withoutPrimary(ClusterObservation o, String why) {
    List<Integer> usable =
        o.replicas().stream()
            .filter(InstanceObservation::isUp)
            .map(InstanceObservation::index)
            .filter(i -> !o.knownErrant().contains(i))
            .filter(i -> !o.isSeeding(i))
            .toList();
    int replicas = o.shape().replicas();
    // Semi-sync makes the primary wait for (instances - 1) / 2 acknowledgements, so any group of
    // more than half of the replicas holds at least one that acknowledged every committed
    // transaction: only then is promoting the most advanced of them loss-free.
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
    ClusterState state;
    if (primaryReady && synced.size() == replicas) {
      state = ClusterState.HEALTHY;
    } else if (primaryReady && 2 * synced.size() >= replicas) {
      state = ClusterState.DEGRADED;
    } else {
      state = ClusterState.INCOMPLETE;
    }
    String message = describe(state, o, errant, synced);
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
    Operation next =
        steps.isEmpty()
            ? new Operation.None("nothing to change")
            : new Converge(o.currentPrimaryIndex(), steps);
    return new Decision(state, errant, synced, next, message);
  }

  private static boolean writableReplica(ClusterObservation o) {
    return o.replicas().stream()
        .filter(InstanceObservation::isUp)
        .anyMatch(r -> !Fencing.fenced(o, r));
  }

  /** A replica is errant when it executed transactions the primary does not have. */
  private static SortedSet<Integer> errant(ClusterObservation o, InstanceFacts primary) {
    SortedSet<Integer> errant = new TreeSet<>();
    for (InstanceObservation replica : o.replicas()) {
      if (replica.isUp()) {
        if (!replica.requireFacts().gtidExecuted().isSubsetOf(primary.gtidExecuted())) {
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
