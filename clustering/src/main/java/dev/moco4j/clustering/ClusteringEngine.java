package dev.moco4j.clustering;

import dev.moco4j.clustering.model.ClusterDecider;
import dev.moco4j.clustering.model.ClusterObservation;
import dev.moco4j.clustering.model.ClusterShape;
import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Decision;
import dev.moco4j.clustering.model.InstanceObservation;
import dev.moco4j.clustering.model.Operation;
import dev.moco4j.clustering.model.ReachabilityTracker;
import dev.moco4j.clustering.model.SemiSyncWarnings;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.mysql.seed.InstanceReset;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clustering loop for one cluster: each {@link #runOnce pass} observes every instance, decides,
 * runs at most one operation, and reports. Seeding runs in the background across passes. Nothing
 * else is remembered between passes but the stored status and how long instances have been
 * unreachable, so a fresh engine picks up wherever a crashed one stopped.
 */
public final class ClusteringEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusteringEngine.class);

  private final Instances instances;
  private final StatusStore store;
  private final EventSink events;
  private final Observer observer;
  private final SeedJobs seedJobs;
  private final StepRunner steps;
  private final ExternalCopy externalCopy;
  private final InstantSource clock;
  private ClusterState lastState;
  // Whether this engine has seen the primary serve: a cluster still starting up is not lost.
  private boolean served;

  public ClusteringEngine(
      ClusterDefinition cluster,
      EngineSettings settings,
      StatusStore store,
      EventSink events,
      Seeder seeder,
      InstantSource clock,
      ExecutorService executor) {
    this.instances = new Instances(cluster, settings);
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.observer =
        new Observer(instances, new ReachabilityTracker(settings.downAfter()), clock, executor);
    this.seedJobs = new SeedJobs(cluster, clock, settings.seedRetryAfter());
    this.steps = new StepRunner(cluster, new MySqlStepApplier(instances, seeder, seedJobs));
    this.externalCopy = new ExternalCopy(instances, seeder, seedJobs);
  }

  /** One pass; after a switchover or failover a second pass reconfigures right away. */
  public synchronized PassResult runOnce(PassInputs inputs) {
    PassResult first = pass(inputs);
    if (!first.primaryChanged()) {
      return first;
    }
    PassResult second = pass(inputs.withoutSwitchover());
    List<Failure> failures = new ArrayList<>(first.failures());
    failures.addAll(second.failures());
    return new PassResult(
        second.decision(), failures, true, second.observation(), first.primaryMove());
  }

  /** The instances being seeded in the background right now. */
  public SortedSet<Integer> seeding() {
    return seedJobs.runningInstances();
  }

  /** Stops the background seeding jobs; a later engine seeds those instances again. */
  @Override
  public void close() {
    seedJobs.close();
  }

  private PassResult pass(PassInputs inputs) {
    List<Failure> failures = new ArrayList<>(collectEndedSeedJobs());
    StoredStatus stored = store.read();
    ClusterObservation observation = observe(stored, inputs);
    Decision decision = ClusterDecider.decide(observation);
    LOG.debug("{}: {} -> {}", instances.cluster(), decision.message(), decision.operation());
    report(stored, decision, observation);
    // Reporting can itself change the stored status (a newly found errant instance is recorded,
    // and the store's version moves with it), so a switchover or failover compares-and-swaps
    // against the status as this pass left it, not as it was read. If the recorded primary moved
    // in between, another engine acted: nothing decided here applies any more.
    StoredStatus reported = store.read();
    if (reported.currentPrimaryIndex() != stored.currentPrimaryIndex()) {
      failures.add(
          Failure.ofCluster(
              "pass", "the recorded primary changed during the pass; deciding again"));
      return new PassResult(decision, failures, false, observation, Optional.empty());
    }
    RunOutcome outcome =
        switch (decision.operation()) {
          case Operation.None none -> RunOutcome.NOTHING;
          case Operation.Converge converge ->
              new RunOutcome(false, steps.run(converge.primary(), converge.steps()));
          case Operation.Switchover switchover ->
              attempt(
                  "switchover",
                  () -> new SwitchoverRun(instances, store, events).run(switchover, reported));
          case Operation.Failover failover ->
              attempt(
                  "failover",
                  () ->
                      new FailoverRun(instances, observer, store, events, clock)
                          .run(failover, reported, reachableReplicas(observation)));
          case Operation.CloneFromExternal clone ->
              attempt("copy from the external source", () -> externalCopy.start(clone.primary()));
          case Operation.ReinitializeErrant reinitialize ->
              attempt("re-initializing an errant replica", () -> reinitialize(reinitialize));
        };
    failures.addAll(outcome.failures());
    return new PassResult(
        decision,
        failures,
        outcome.primaryChanged(),
        observation,
        outcome.primaryChanged() ? Optional.of(decision.operation()) : Optional.empty());
  }

  private ClusterObservation observe(StoredStatus stored, PassInputs inputs) {
    ClusterDefinition cluster = instances.cluster();
    // Taken before the instances are read: a job that ends in between leaves its instance seen as
    // still seeding for this pass (nothing done to it), never seen as idle while its copy runs.
    Map<Integer, Integer> seeding = seedJobs.seedingFromDonors();
    List<InstanceObservation> observed = observer.observe(inputs, stored.currentPrimaryIndex());
    ClusterShape shape =
        new ClusterShape(
            cluster.instances().size(),
            cluster.externalSource().isPresent(),
            stored.cloned(),
            inputs.restorePending(),
            inputs.clusteringStopped(),
            cluster.maxDelay(),
            cluster.reinitializeErrantReplicas());
    return new ClusterObservation(
        shape,
        stored.currentPrimaryIndex(),
        stored.errant(),
        observed,
        cluster.externalSource().map(ReplicationSource::endpoint),
        inputs.switchover(),
        seeding);
  }

  private static List<Integer> reachableReplicas(ClusterObservation observation) {
    return observation.replicas().stream()
        .filter(InstanceObservation::isUp)
        .map(InstanceObservation::index)
        .toList();
  }

  /** Reports the seeding jobs that ended since the last pass, each once. */
  private List<Failure> collectEndedSeedJobs() {
    List<Failure> failures = new ArrayList<>();
    for (SeedJobs.Ended ended : seedJobs.takeFinished()) {
      SeedJobs.Job job = ended.job();
      switch (ended) {
        case SeedJobs.Done done when job.donor().isEmpty() -> {
          store.markCloned();
          events.normal("Cloned", "initial data copied from " + job.source());
        }
        case SeedJobs.Done done ->
            events.normal("Seeded", "instance " + job.instance() + " seeded from " + job.source());
        case SeedJobs.Failed failed -> {
          events.warning(
              "SeedFailed",
              "seeding instance "
                  + job.instance()
                  + " from "
                  + job.source()
                  + " failed: "
                  + failed.reason()
                  + "; retrying after "
                  + failed.retryAfter());
          failures.add(Failure.of(job.instance(), "seeding from " + job.source(), failed.reason()));
        }
      }
    }
    return failures;
  }

  private void report(StoredStatus stored, Decision decision, ClusterObservation observation) {
    store.report(
        new ClusterReport(
            decision.state(),
            stored.currentPrimaryIndex(),
            decision.errant(),
            decision.synced(),
            decision.message(),
            SemiSyncWarnings.of(observation),
            ClusterDecider.errantTransactions(observation, decision.errant())));
    if (!decision.errant().equals(stored.errant()) && !decision.errant().isEmpty()) {
      events.warning("ErrantReplicas", "errant instances excluded: " + decision.errant());
    }
    if (!Objects.equals(lastState, decision.state())) {
      LOG.info("{}: state {}: {}", instances.cluster(), decision.state(), decision.message());
      if (decision.state() == ClusterState.LOST && served) {
        // Once per loss: the engine refuses to promote anyone, and a person has to act.
        events.warning("ClusterLost", decision.message());
      }
      lastState = decision.state();
    }
    served |= decision.state() == ClusterState.HEALTHY || decision.state() == ClusterState.DEGRADED;
  }

  /**
   * Runs an operation; whatever it throws is reported as this pass's failure, and the next pass
   * decides again from fresh facts.
   */
  private RunOutcome attempt(String action, Supplier<RunOutcome> operation) {
    try {
      return operation.get();
    } catch (MySqlException e) {
      LOG.warn("{}: {} failed: {}", instances.cluster(), action, e.getMessage());
      return RunOutcome.failed(Failure.ofCluster(action, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("{}: {} failed", instances.cluster(), action, e);
      return RunOutcome.failed(Failure.ofCluster(action, Failure.reason(e)));
    }
  }

  /**
   * Empties an errant replica; the next pass seeds it like any empty instance. What is thrown away
   * was already in the status this pass reported, and is repeated in the Event.
   */
  private RunOutcome reinitialize(Operation.ReinitializeErrant reinitialize) {
    int index = reinitialize.instance();
    events.warning(
        "ReinitializingErrantReplica",
        "instance "
            + index
            + " holds errant transactions "
            + reinitialize.errantTransactions()
            + " that the primary lacks; dropping its data and seeding it again, as"
            + " spec.errantReplicaRecovery asks");
    new InstanceReset(instances.connector(index)).dropDataAndHistory();
    return RunOutcome.NOTHING;
  }
}
