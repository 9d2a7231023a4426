package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.mysql.MySqlEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Background seeding jobs: one per instance, failures reported once, back-off, close. */
class SeedJobsTest {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  private static final SeedJobs.Job FROM_ONE = new SeedJobs.Job(2, "instance 1", OptionalInt.of(1));

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
  private final SeedJobs jobs =
      new SeedJobs(
          ClusterDefinition.of("test", "cluster", List.of(new MySqlEndpoint("a", 3306))),
          now::get,
          RETRY_AFTER);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() {
    release.countDown();
    jobs.close();
  }

  private List<SeedJobs.Ended> awaitEnded() {
    List<SeedJobs.Ended> ended = new ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> ended.addAll(jobs.takeFinished()));
    return ended;
  }

  private void held() {
    try {
      release.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Test
  void aRunningJobIsTheOnlyOneForItsInstanceAndIsSeenAsSeedingFromItsDonor() {
    AtomicInteger copies = new AtomicInteger();

    assertThat(
            jobs.start(
                FROM_ONE,
                () -> {
                  copies.incrementAndGet();
                  held();
                }))
        .isEmpty();
    assertThat(jobs.start(FROM_ONE, copies::incrementAndGet)).isEmpty();

    assertThat(jobs.seedingFromDonors()).containsExactly(java.util.Map.entry(2, 1));
    assertThat(jobs.runningInstances()).containsExactly(2);
    release.countDown();
    assertThat(awaitEnded()).singleElement().isInstanceOf(SeedJobs.Done.class);
    assertThat(copies).hasValue(1);
    assertThat(jobs.runningInstances()).isEmpty();
  }

  @Test
  void aFailedJobIsReportedOnceAndRetriedOnlyAfterTheBackOff() {
    AtomicInteger copies = new AtomicInteger();
    Runnable failing =
        () -> {
          copies.incrementAndGet();
          throw new IllegalStateException("recipient is not empty");
        };
    jobs.start(FROM_ONE, failing);

    assertThat(awaitEnded())
        .singleElement()
        .isInstanceOfSatisfying(
            SeedJobs.Failed.class, f -> assertThat(f.reason()).isEqualTo("recipient is not empty"));
    assertThat(jobs.takeFinished()).isEmpty();

    now.set(now.get().plus(RETRY_AFTER).minusSeconds(1));
    assertThat(jobs.start(FROM_ONE, failing))
        .hasValueSatisfying(f -> assertThat(f.reason()).contains("recipient is not empty"));
    assertThat(copies).hasValue(1);

    now.set(now.get().plusSeconds(1));
    assertThat(jobs.start(FROM_ONE, failing)).isEmpty();
    awaitEnded();
    assertThat(copies).hasValue(2);
  }

  @Test
  void aJobEndedByAnErrorIsFailedNotLeftRunning() {
    jobs.start(
        FROM_ONE,
        () -> {
          throw new AssertionError("broken seeder");
        });

    assertThat(awaitEnded()).singleElement().isInstanceOf(SeedJobs.Failed.class);
    assertThat(jobs.runningInstances()).isEmpty();
  }

  @Test
  void aCopyFromOutsideTheClusterRunsButNamesNoDonor() {
    jobs.start(new SeedJobs.Job(0, "the external source", OptionalInt.empty()), this::held);

    assertThat(jobs.runningInstances()).containsExactly(0);
    assertThat(jobs.seedingFromDonors()).isEmpty();
  }

  @Test
  void closingInterruptsARunningCopyAndRefusesNewOnes() {
    jobs.start(FROM_ONE, this::held);

    jobs.close();

    assertThat(jobs.runningInstances()).isEmpty();
    assertThat(jobs.takeFinished()).singleElement().isInstanceOf(SeedJobs.Failed.class);
    assertThat(jobs.start(new SeedJobs.Job(1, "instance 0", OptionalInt.of(0)), () -> {}))
        .hasValueSatisfying(f -> assertThat(f.reason()).contains("closed"));
  }
}
