package dev.moco4j.clustering.model;

import dev.moco4j.clustering.model.Step.ConfigureSemiSync;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.clustering.model.Step.ReplicateFromExternal;
import dev.moco4j.clustering.model.Step.ReplicateFromPrimary;
import dev.moco4j.clustering.model.Step.ResetReplication;
import dev.moco4j.clustering.model.Step.Seed;
import dev.moco4j.clustering.model.Step.StopReplication;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.semisync.Role;
import dev.moco4j.mysql.semisync.SemiSyncPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** The steps that bring every reachable instance in line with the recorded primary. */
final class ConvergePlan {

  private ConvergePlan() {}

  static List<Step> steps(
      ClusterObservation o,
      InstanceFacts primary,
      SortedSet<Integer> errant,
      SortedSet<Integer> synced) {
    List<Step> steps = new ArrayList<>();
    int p = o.currentPrimaryIndex();
    if (o.shape().intermediatePrimary()) {
      if (!primary.superReadOnly()) {
        steps.add(new MakeSuperReadOnly(p));
      }
      if (!Replication.isSetUpFrom(primary, o.externalSource().orElseThrow())) {
        steps.add(new ReplicateFromExternal(p));
      }
    } else if (primary.replicaStatus().isPresent()) {
      steps.add(new ResetReplication(p));
    }
    for (InstanceObservation replica : o.replicas()) {
      if (replica.isUp()) {
        replicaSteps(o, replica, primary, errant, synced, steps);
      }
    }
    // An intermediate primary only applies what its external source sends: a semi-sync wait
    // would hold up its applier, so it runs without one.
    Role primaryRole = o.shape().intermediatePrimary() ? Role.INTERMEDIATE_PRIMARY : Role.PRIMARY;
    if (!semiSyncInPlace(primary, primaryRole, o.shape().instances())) {
      steps.add(new ConfigureSemiSync(p, primaryRole));
    }
    // Last, so that the primary takes writes only once its replicas are pointed at it.
    if (!o.shape().intermediatePrimary() && (primary.readOnly() || primary.superReadOnly())) {
      steps.add(new MakeWritable(p));
    }
    return steps;
  }

  private static void replicaSteps(
      ClusterObservation o,
      InstanceObservation replica,
      InstanceFacts primary,
      SortedSet<Integer> errant,
      SortedSet<Integer> synced,
      List<Step> steps) {
    InstanceFacts facts = replica.requireFacts();
    int r = replica.index();
    // First, whatever else happens: only the primary may ever be writable.
    if (!Fencing.fenced(o, replica)) {
      steps.add(new MakeSuperReadOnly(r));
    }
    if (o.isSeeding(r)) {
      // Its copy is still running: replicating or seeding again now would mix two histories.
      return;
    }
    if (errant.contains(r)) {
      if (Replication.anyThreadRunning(facts)) {
        steps.add(new StopReplication(r));
      }
      return;
    }
    if (needsSeed(facts, primary, o.primary().endpoint())) {
      Optional<Integer> replicaDonor = synced.stream().filter(i -> i != r).findFirst();
      steps.add(
          new Seed(r, replicaDonor.orElse(o.currentPrimaryIndex()), replicaDonor.isPresent()));
      return;
    }
    if (!Replication.isSetUpFrom(facts, o.primary().endpoint())) {
      steps.add(new ReplicateFromPrimary(r, o.currentPrimaryIndex()));
    }
    if (!semiSyncInPlace(facts, Role.REPLICA, o.shape().instances())) {
      steps.add(new ConfigureSemiSync(r, Role.REPLICA));
    }
  }

  /** Without the plugins there is nothing to set; {@link SemiSyncWarnings} reports that. */
  private static boolean semiSyncInPlace(InstanceFacts facts, Role role, int instances) {
    return facts
        .semiSync()
        .map(current -> SemiSyncPlanner.isInPlace(instances, role, current))
        .orElse(true);
  }

  /**
   * An empty instance joining a primary that has data always gets a copy, never the history from
   * binary logs: an instance keeps its server_id when its data is wiped, and the receiver thread
   * drops events carrying the replica's own server_id, so whatever it wrote in an earlier life as
   * primary would be silently skipped. A replica that already replicates from this primary and is
   * only catching up (it was set up while the primary was still empty, so nothing it receives can
   * carry its server_id) is left alone. An instance with data is never overwritten.
   */
  static boolean needsSeed(InstanceFacts replica, InstanceFacts primary, MySqlEndpoint source) {
    return replica.gtidExecuted().isEmpty()
        && !primary.gtidExecuted().isEmpty()
        && !Replication.isSetUpFrom(replica, source);
  }
}
