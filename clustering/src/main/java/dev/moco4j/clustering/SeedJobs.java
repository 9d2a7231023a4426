package dev.moco4j.clustering;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeding jobs of one cluster, at most one per instance, each on its own virtual thread: a copy
 * takes minutes to hours, and meanwhile the cluster's loop must go on observing, switching over and
 * failing over.
 */
final class SeedJobs implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SeedJobs.class);

  /** How long {@link #close} waits for interrupted copies to end. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /**
   * One copy into {@code instance}.
   *
   * @param source where the data comes from, for messages
   * @param donor the donor's index, empty when the source is outside the cluster
   */
  record Job(int instance, String source, OptionalInt donor) {}

  /** How the latest job of an instance stands. */
  sealed interface State {
    Job job();
  }

  record Running(Job job, Instant started) implements State {}

  /** A job that ended, well or not. */
  sealed interface Ended extends State {}

  /**
   * @param retryAfter when the next attempt may start
   */
  record Failed(Job job, String reason, Instant at, Instant retryAfter) implements Ended {}

  record Done(Job job, Instant at) implements Ended {}

  private final ClusterDefinition cluster;
  private final InstantSource clock;
  private final Duration retryAfter;
  private final Map<Integer, State> states = new ConcurrentHashMap<>();
  private final Queue<Ended> finished = new ConcurrentLinkedQueue<>();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  SeedJobs(ClusterDefinition cluster, InstantSource clock, Duration retryAfter) {
    this.cluster = cluster;
    this.clock = clock;
    this.retryAfter = retryAfter;
  }

  /**
   * Starts {@code copy} in the background unless a job for the instance is running (then nothing
   * happens) or the last one failed less than the back-off ago.
   *
   * @return why no job was started, empty when one was started or already runs
   */
  Optional<Failure> start(Job job, Runnable copy) {
    // Only the engine's pass starts jobs, and a job only ever ends itself: a state read here as not
    // running cannot become running before the put below.
    State current = states.get(job.instance());
    if (current instanceof Running) {
      return Optional.empty();
    }
    if (current instanceof Failed failed && clock.instant().isBefore(failed.retryAfter())) {
      return Optional.of(
          Failure.of(
              job.instance(),
              "seeding from " + job.source(),
              "the last attempt failed at "
                  + failed.at()
                  + " ("
                  + failed.reason()
                  + "); retrying after "
                  + failed.retryAfter()));
    }
    states.put(job.instance(), new Running(job, clock.instant()));
    LOG.info("{}: seeding instance {} from {} started", cluster, job.instance(), job.source());
    try {
      CompletableFuture.runAsync(copy, threads).whenComplete((ok, error) -> finish(job, error));
    } catch (RejectedExecutionException closed) {
      states.remove(job.instance());
      return Optional.of(
          Failure.of(job.instance(), "seeding from " + job.source(), "the engine is closed"));
    }
    return Optional.empty();
  }

  // Every Throwable, an Error included, ends the job: a job left "running" would block the
  // instance's seeding for good.
  private void finish(Job job, Throwable error) {
    Ended outcome;
    Instant now = clock.instant();
    if (error == null) {
      outcome = new Done(job, now);
      states.remove(job.instance());
      LOG.info("{}: seeding instance {} from {} done", cluster, job.instance(), job.source());
    } else {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      outcome = new Failed(job, reason, now, now.plus(retryAfter));
      states.put(job.instance(), outcome);
      LOG.warn(
          "{}: seeding instance {} from {} failed", cluster, job.instance(), job.source(), cause);
    }
    finished.add(outcome);
  }

  boolean running(int instance) {
    return states.get(instance) instanceof Running;
  }

  /** The instances being seeded from another instance of the cluster, each with its donor. */
  SortedMap<Integer, Integer> seedingFromDonors() {
    SortedMap<Integer, Integer> seeding = new TreeMap<>();
    states.forEach(
        (instance, state) -> {
          if (state instanceof Running running && running.job().donor().isPresent()) {
            seeding.put(instance, running.job().donor().getAsInt());
          }
        });
    return seeding;
  }

  /** The instances with a running job, whatever their source. */
  SortedSet<Integer> runningInstances() {
    SortedSet<Integer> running = new TreeSet<>();
    states.forEach(
        (instance, state) -> {
          if (state instanceof Running) {
            running.add(instance);
          }
        });
    return running;
  }

  /**
   * The jobs that ended since the last call, {@link Done} or {@link Failed}, each returned once so
   * that a pass reports it once. A failed job's state stays for the back-off.
   */
  List<Ended> takeFinished() {
    List<Ended> taken = new ArrayList<>();
    for (Ended state = finished.poll(); state != null; state = finished.poll()) {
      taken.add(state);
    }
    return taken;
  }

  /**
   * Interrupts running copies and waits a little for them to end. Interrupting a virtual thread
   * blocked on a socket closes the socket, which cuts the copy's session off. A copy cut off leaves
   * its recipient empty by GTIDs, so the next engine seeds it again: the logical copy wipes what it
   * half loaded, and a new CLONE replaces the data directory whole.
   */
  @Override
  public void close() {
    threads.shutdownNow();
    try {
      if (!threads.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{}: seeding jobs still running after {}", cluster, CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
