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
    if (!semiSyncInPlace(primary, Role.PRIMARY, o.shape().instances())) {
      steps.add(new ConfigureSemiSync(p, true));
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
    if (needsSeed(facts, primary)) {
      Optional<Integer> replicaDonor = synced.stream().filter(i -> i != r).findFirst();
      steps.add(
          new Seed(r, replicaDonor.orElse(o.currentPrimaryIndex()), replicaDonor.isPresent()));
      return;
    }
    if (!Replication.isSetUpFrom(facts, o.primary().endpoint())) {
      steps.add(new ReplicateFromPrimary(r, o.currentPrimaryIndex()));
    }
    if (!semiSyncInPlace(facts, Role.REPLICA, o.shape().instances())) {
      steps.add(new ConfigureSemiSync(r, false));
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
   * An empty instance needs a copy of the data when the primary no longer has all of its binary
   * logs ({@code gtid_purged} not empty): replication alone cannot bring it up to date. An instance
   * with data is never overwritten.
   */
  static boolean needsSeed(InstanceFacts replica, InstanceFacts primary) {
    return replica.gtidExecuted().isEmpty()
        && !primary.gtidExecuted().isEmpty()
        && !primary.gtidPurged().isEmpty();
  }
}
