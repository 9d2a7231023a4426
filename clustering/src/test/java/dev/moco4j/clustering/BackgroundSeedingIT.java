package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeding runs beside the cluster's loop: a copy that fails, or one that takes long, neither keeps
 * the primary read-only nor holds back a switchover. Instance 2 comes back empty while the primary
 * has purged its binary logs, so it can only join through a seed.
 */
class BackgroundSeedingIT {

  @RegisterExtension final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private ClusterHarness cluster;
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() {
    release.countDown();
    if (cluster != null) {
      cluster.close();
    }
  }

  private void emptyInstanceTwoWithPurgedHistory() throws SQLException {
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.purgedHistory(0);
    cluster.instance(2).reinitialize();
  }

  @Test
  void aSeederThatThrowsIsReportedAndTheReadOnlyPrimaryIsStillMadeWritable() throws SQLException {
    cluster =
        new ClusterHarness(
            mysqld,
            (donor, donorIsReplica, recipient) -> {
              throw new IllegalStateException("test seeder refuses " + recipient.endpoint());
            });
    emptyInstanceTwoWithPurgedHistory();
    // As after a promotion or a restart: the primary is read-only until the converge ends.
    cluster.execute(0, "SET GLOBAL super_read_only = ON");

    PassResult reported =
        cluster.awaitPass(
            r -> r.failures().stream().anyMatch(f -> f.reason().contains("test seeder refuses")),
            Duration.ofSeconds(60));

    assertThat(cluster.writable()).containsExactly(0);
    assertThat(reported.decision().synced()).containsExactly(1);
    assertThat(cluster.events.reasons()).contains("SeedFailed");
  }

  @Test
  void aSwitchoverRunsWhileAnInstanceIsBeingSeededAndTheSeedCompletesAfterwards()
      throws SQLException {
    Seeder real = Seeders.mysql();
    AtomicBoolean held = new AtomicBoolean(true);
    cluster =
        new ClusterHarness(
            mysqld,
            (donor, donorIsReplica, recipient) -> {
              if (held.getAndSet(false)) {
                awaitRelease();
              }
              real.seed(donor, donorIsReplica, recipient);
            },
            ClusterHarness.settings().withSeedRetryAfter(Duration.ofSeconds(1)));
    emptyInstanceTwoWithPurgedHistory();

    PassResult seeding =
        cluster.awaitPass(
            r -> cluster.engine().seeding().contains(2) && r.decision().synced().contains(1),
            Duration.ofSeconds(60));
    assertThat(seeding.decision().state()).isEqualTo(ClusterState.DEGRADED);
    assertThat(cluster.pass().decision().message()).contains("instance 2 is being seeded from 1");

    PassResult switched = cluster.pass(PassInputs.switchoverTo(Optional.of(1)));

    assertThat(switched.primaryChanged()).isTrue();
    assertThat(cluster.primary()).isEqualTo(1);
    assertThat(cluster.engine().seeding()).containsExactly(2);
    assertThat(cluster.writable()).containsExactly(1);

    release.countDown();
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofMinutes(2));
    assertThat(cluster.query(2, "CHECKSUM TABLE inventory.items"))
        .isEqualTo(cluster.query(1, "CHECKSUM TABLE inventory.items"));
    assertThat(cluster.writable()).containsExactly(1);
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("seeding interrupted", e);
    }
  }
}
