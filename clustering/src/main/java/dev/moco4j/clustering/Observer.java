package dev.moco4j.clustering;

import dev.moco4j.clustering.model.InstanceObservation;
import dev.moco4j.clustering.model.ReachabilityTracker;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every instance's facts at once. Each read is bounded by the connect and read timeouts, so a
 * hung instance costs one read timeout, not a stuck pass.
 */
final class Observer {

  private static final Logger LOG = LoggerFactory.getLogger(Observer.class);

  private final Instances instances;
  private final ReachabilityTracker tracker;
  private final InstantSource clock;
  private final ExecutorService executor;

  Observer(
      Instances instances,
      ReachabilityTracker tracker,
      InstantSource clock,
      ExecutorService executor) {
    this.instances = instances;
    this.tracker = tracker;
    this.clock = clock;
    this.executor = executor;
  }

  /**
   * Reads every instance at once. If a replica then seems to hold transactions the primary lacks,
   * the primary is read again: the parallel reads are not one moment, and a replica read a little
   * later than its primary may already have applied what the primary committed in between. Read
   * after the replicas, the primary has everything they legitimately have, so only a real errant
   * transaction survives the second look.
   */
  List<InstanceObservation> observe(PassInputs inputs, int primary) {
    List<CompletableFuture<Optional<InstanceFacts>>> reads =
        IntStream.range(0, instances.size())
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> read(i), executor))
            .toList();
    List<Optional<InstanceFacts>> facts =
        new ArrayList<>(reads.stream().map(CompletableFuture::join).toList());
    if (facts.get(primary).isPresent() && replicaAhead(facts, primary)) {
      facts.set(primary, read(primary));
    }
    return IntStream.range(0, instances.size())
        .mapToObj(i -> toObservation(i, facts.get(i), inputs))
        .toList();
  }

  private static boolean replicaAhead(List<Optional<InstanceFacts>> facts, int primary) {
    var primaryExecuted = facts.get(primary).orElseThrow().gtidExecuted();
    return IntStream.range(0, facts.size())
        .filter(i -> i != primary)
        .anyMatch(
            i ->
                facts.get(i).isPresent()
                    && !facts.get(i).get().gtidExecuted().isSubsetOf(primaryExecuted));
  }

  /** Reads the facts of the given instances only, e.g. again after stopping their I/O threads. */
  Optional<InstanceFacts> read(int index) {
    try {
      return Optional.of(new InstanceFactsQuery(instances.connector(index)).read());
    } catch (MySqlException e) {
      LOG.debug("{}: instance {} unreachable: {}", instances.cluster(), index, e.getMessage());
      return Optional.empty();
    }
  }

  private InstanceObservation toObservation(
      int index, Optional<InstanceFacts> facts, PassInputs inputs) {
    var reachability = tracker.record(index, facts.isPresent(), clock.instant());
    InstanceObservation observation =
        facts
            .map(f -> InstanceObservation.up(index, instances.endpoint(index), f))
            .orElseGet(
                () ->
                    InstanceObservation.unreachable(
                        index, instances.endpoint(index), reachability));
    return observation.withPod(inputs.pod(index));
  }
}
