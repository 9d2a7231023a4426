package dev.moco4j.clustering;

import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.mysql.seed.DonorKind;
import java.util.OptionalInt;

/**
 * The intermediate primary's initial copy from the external source, run as a seeding job; the pass
 * that sees the job done records the cluster as cloned.
 */
final class ExternalCopy {

  private final Instances instances;
  private final Seeder seeder;
  private final SeedJobs seedJobs;

  ExternalCopy(Instances instances, Seeder seeder, SeedJobs seedJobs) {
    this.instances = instances;
    this.seeder = seeder;
    this.seedJobs = seedJobs;
  }

  /** Starts the copy unless it runs already or waits out the back-off after a failure. */
  RunOutcome start(int primary) {
    ReplicationSource source = instances.cluster().externalSource().orElseThrow();
    return seedJobs
        .start(
            new SeedJobs.Job(
                primary, "the external source " + source.endpoint(), OptionalInt.empty()),
            () -> copy(source, primary))
        .map(RunOutcome::failed)
        .orElse(RunOutcome.NOTHING);
  }

  private void copy(ReplicationSource source, int primary) {
    MySqlConnector external =
        new MySqlConnector(
            source.endpoint(),
            new ConnectionSettings(
                source.credentials(),
                instances.settings().connectTimeout(),
                instances.settings().readTimeout()));
    var primaryFacts = new InstanceFactsQuery(instances.connector(primary)).read();
    var externalFacts = new InstanceFactsQuery(external).read();
    // Copy only when the external source's binlogs no longer hold everything; otherwise plain
    // replication from the first transaction gives the same result.
    if (primaryFacts.gtidExecuted().isEmpty() && !externalFacts.gtidPurged().isEmpty()) {
      seeder.seed(external, DonorKind.EXTERNAL, instances.connector(primary));
    }
  }
}
