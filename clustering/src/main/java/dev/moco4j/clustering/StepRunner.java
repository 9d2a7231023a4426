package dev.moco4j.clustering;

import dev.moco4j.clustering.model.Step;
import dev.moco4j.clustering.model.Step.ConfigureSemiSync;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.clustering.model.Step.ReplicateFromExternal;
import dev.moco4j.clustering.model.Step.ReplicateFromPrimary;
import dev.moco4j.clustering.model.Step.ResetReplication;
import dev.moco4j.clustering.model.Step.Seed;
import dev.moco4j.clustering.model.Step.StopReplication;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.ReadOnlyControl;
import dev.moco4j.mysql.ReplicationControl;
import dev.moco4j.mysql.seed.DonorKind;
import dev.moco4j.mysql.semisync.SemiSyncOperation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs converge steps in order. A failed step on a replica is reported and the rest go on, so one
 * broken replica cannot keep the primary read-only; but if an instance other than the primary could
 * not be made read-only, the primary is not made writable, so two instances can never both take
 * writes.
 */
final class StepRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final Instances instances;
  private final Seeder seeder;

  StepRunner(Instances instances, Seeder seeder) {
    this.instances = instances;
    this.seeder = seeder;
  }

  /** Runs the steps; returns the failures (empty when every step succeeded). */
  List<String> run(int primary, List<Step> steps) {
    List<String> failures = new ArrayList<>();
    boolean fenced = true;
    for (Step step : steps) {
      if (step instanceof MakeWritable && !fenced) {
        failures.add("instance " + primary + " left read-only: another instance may be writable");
        continue;
      }
      try {
        LOG.info("{}: {}", instances.cluster(), step);
        apply(step);
      } catch (MySqlException e) {
        LOG.warn("{}: {} failed: {}", instances.cluster(), step, e.getMessage());
        failures.add(step + ": " + e.getMessage());
        if (step instanceof MakeSuperReadOnly && step.instance() != primary) {
          fenced = false;
        }
        if (step.instance() == primary) {
          // The primary's own steps build on each other; the next pass starts over.
          break;
        }
      }
    }
    return failures;
  }

  private void apply(Step step) {
    var connector = instances.connector(step.instance());
    switch (step) {
      case MakeSuperReadOnly s -> new ReadOnlyControl(connector).makeSuperReadOnly();
      case MakeWritable s -> new ReadOnlyControl(connector).makeWritable();
      case ResetReplication s -> new ReplicationControl(connector).reset();
      case StopReplication s -> new ReplicationControl(connector).stop();
      case ReplicateFromPrimary s -> {
        ReplicationControl replication = new ReplicationControl(connector);
        replication.pointAt(instances.asSource(s.primary()));
        replication.start();
      }
      case ReplicateFromExternal s -> {
        ReplicationControl replication = new ReplicationControl(connector);
        replication.pointAt(instances.cluster().externalSource().orElseThrow());
        replication.start();
      }
      case Seed s ->
          seeder.seed(
              instances.connector(s.donor()),
              s.donorIsReplica() ? DonorKind.OWN_REPLICA : DonorKind.OWN_PRIMARY,
              connector);
      case ConfigureSemiSync s ->
          new SemiSyncOperation(connector).configure(instances.size(), s.role());
    }
  }
}
