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
import dev.moco4j.mysql.ReadOnlyControl;
import dev.moco4j.mysql.ReplicationControl;
import dev.moco4j.mysql.seed.DonorKind;
import dev.moco4j.mysql.semisync.SemiSyncOperation;
import java.util.Optional;
import java.util.OptionalInt;

/** Applies steps with SQL on the instances; a seed only starts a background job. */
final class MySqlStepApplier implements StepApplier {

  private final Instances instances;
  private final Seeder seeder;
  private final SeedJobs seedJobs;

  MySqlStepApplier(Instances instances, Seeder seeder, SeedJobs seedJobs) {
    this.instances = instances;
    this.seeder = seeder;
    this.seedJobs = seedJobs;
  }

  @Override
  public Optional<Failure> apply(Step step) {
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
      case Seed s -> {
        return seedJobs.start(
            new SeedJobs.Job(s.instance(), "instance " + s.donor(), OptionalInt.of(s.donor())),
            () ->
                seeder.seed(
                    instances.connector(s.donor()),
                    s.donorIsReplica() ? DonorKind.OWN_REPLICA : DonorKind.OWN_PRIMARY,
                    connector));
      }
      case ConfigureSemiSync s ->
          new SemiSyncOperation(connector).configure(instances.size(), s.role());
    }
    return Optional.empty();
  }
}
