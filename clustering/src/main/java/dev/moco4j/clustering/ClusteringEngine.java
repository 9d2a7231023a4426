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
import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.ReplicationSource;
import dev.moco4j.mysql.seed.DonorKind;
import dev.moco4j.mysql.seed.InstanceReset;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clustering loop for one cluster: each {@link #runOnce pass} observes every instance, decides,
 * runs at most one operation, and reports. Nothing is remembered between passes but the stored
 * status and how long instances have been unreachable, so a fresh engine picks up wherever a
 * crashed one stopped.
 */
public final class ClusteringEngine {

  private static final Logger LOG = LoggerFactory.getLogger(ClusteringEngine.class);

  private final Instances instances;
  private final StatusStore store;
  private final EventSink events;
  private final Observer observer;
  private final StepRunner steps;
  private final Seeder seeder;
  private ClusterState lastState;

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
    this.seeder = seeder;
    this.observer =
        new Observer(instances, new ReachabilityTracker(settings.downAfter()), clock, executor);
    this.steps = new StepRunner(instances, seeder);
  }

  /** One pass; after a switchover or failover a second pass reconfigures right away. */
  public synchronized PassResult runOnce(PassInputs inputs) {
    PassResult first = pass(inputs);
    if (!first.primaryChanged()) {
      return first;
    }
    PassResult second = pass(inputs.withoutSwitchover());
    return new PassResult(second.decision(), second.failures(), true);
  }

  private PassResult pass(PassInputs inputs) {
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
      return new PassResult(
          decision, List.of("the recorded primary changed during the pass; deciding again"), false);
    }
    return switch (decision.operation()) {
      case Operation.None none -> new PassResult(decision, List.of(), false);
      case Operation.Converge converge ->
          new PassResult(decision, steps.run(converge.primary(), converge.steps()), false);
      case Operation.Switchover switchover ->
          attempt(
              decision,
              () -> new SwitchoverRun(instances, store, events).run(switchover, reported));
      case Operation.Failover failover ->
          attempt(
              decision,
              () -> new FailoverRun(instances, observer, store, events).run(failover, reported));
      case Operation.CloneFromExternal clone -> cloneFromExternal(decision, clone);
      case Operation.ReinitializeErrant reinitialize -> reinitialize(decision, reinitialize);
    };
  }

  private ClusterObservation observe(StoredStatus stored, PassInputs inputs) {
    ClusterDefinition cluster = instances.cluster();
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
        inputs.switchover());
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
      lastState = decision.state();
    }
  }

  private interface Attempt {
    boolean run();
  }

  private PassResult attempt(Decision decision, Attempt attempt) {
    try {
      return new PassResult(decision, List.of(), attempt.run());
    } catch (MySqlException e) {
      LOG.warn("{}: {} failed: {}", instances.cluster(), decision.operation(), e.getMessage());
      return new PassResult(decision, List.of(e.getMessage()), false);
    }
  }

  /**
   * Empties an errant replica; the next pass seeds it like any empty instance. What is thrown away
   * was already in the status this pass reported, and is repeated in the Event.
   */
  private PassResult reinitialize(Decision decision, Operation.ReinitializeErrant reinitialize) {
    int index = reinitialize.instance();
    events.warning(
        "ReinitializingErrantReplica",
        "instance "
            + index
            + " holds errant transactions "
            + reinitialize.errantTransactions()
            + " that the primary lacks; dropping its data and seeding it again, as"
            + " spec.errantReplicaRecovery asks");
    try {
      new InstanceReset(instances.connector(index)).dropDataAndHistory();
      return new PassResult(decision, List.of(), false);
    } catch (MySqlException e) {
      LOG.warn("{}: emptying instance {} failed: {}", instances.cluster(), index, e.getMessage());
      return new PassResult(decision, List.of(e.getMessage()), false);
    }
  }

  private PassResult cloneFromExternal(Decision decision, Operation.CloneFromExternal clone) {
    ReplicationSource source = instances.cluster().externalSource().orElseThrow();
    MySqlConnector external =
        new MySqlConnector(
            source.endpoint(),
            new ConnectionSettings(
                source.credentials(),
                instances.settings().connectTimeout(),
                instances.settings().readTimeout()));
    try {
      var primary = new InstanceFactsQuery(instances.connector(clone.primary())).read();
      var externalFacts = new InstanceFactsQuery(external).read();
      // Copy only when the external source's binlogs no longer hold everything; otherwise plain
      // replication from the first transaction gives the same result.
      if (primary.gtidExecuted().isEmpty() && !externalFacts.gtidPurged().isEmpty()) {
        seeder.seed(external, DonorKind.EXTERNAL, instances.connector(clone.primary()));
      }
      store.markCloned();
      events.normal("Cloned", "initial data copied from " + endpoint(source));
      return new PassResult(decision, List.of(), false);
    } catch (MySqlException e) {
      LOG.warn("{}: copy from the external source failed: {}", instances.cluster(), e.getMessage());
      return new PassResult(decision, List.of(e.getMessage()), false);
    }
  }

  private static MySqlEndpoint endpoint(ReplicationSource source) {
    return source.endpoint();
  }
}
