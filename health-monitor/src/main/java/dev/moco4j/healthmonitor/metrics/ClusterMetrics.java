package dev.moco4j.healthmonitor.metrics;

import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.PassResult;
import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.InstanceObservation;
import dev.moco4j.clustering.model.Operation;
import dev.moco4j.healthmonitor.PassListener;
import dev.moco4j.healthmonitor.kube.ClusterStates;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.ReplicaStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The health-monitor's Prometheus meters, one set per cluster, labelled {@code namespace} and
 * {@code name} (and {@code instance} for per-instance ones):
 *
 * <ul>
 *   <li>{@code moco4j_cluster_state{state}}: 1 for the cluster's current state, 0 for the others;
 *   <li>{@code moco4j_cluster_healthy}, {@code moco4j_cluster_available} (the primary takes
 *       writes), {@code moco4j_cluster_clustering_stopped}: 1 or 0;
 *   <li>{@code moco4j_cluster_current_primary_index}, {@code moco4j_cluster_instances}, {@code
 *       moco4j_cluster_synced_replicas}, {@code moco4j_cluster_errant_replicas};
 *   <li>{@code moco4j_cluster_switchovers_total}, {@code moco4j_cluster_failovers_total}, {@code
 *       moco4j_cluster_checks_total} (passes), {@code moco4j_cluster_errors_total} (passes that
 *       failed or had failures);
 *   <li>{@code moco4j_cluster_pass_duration_seconds};
 *   <li>{@code moco4j_cluster_replication_delay_seconds{instance}}: how far a replica's applier is
 *       behind its source, as the replica reports it; absent for the primary and unknown delays.
 * </ul>
 *
 * Gauges read the values the last pass left; a cluster's meters are removed with the cluster.
 */
public final class ClusterMetrics implements PassListener {

  private final MeterRegistry registry;
  private final Map<String, ClusterMeters> clusters = new ConcurrentHashMap<>();

  public ClusterMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void passed(Pass pass) {
    PassResult result = pass.result();
    ClusterMeters meters = meters(pass.namespace(), pass.name());
    meters.checks.increment();
    meters.passDuration.record(pass.took());
    if (!result.failures().isEmpty()) {
      meters.errors.increment();
    }
    result
        .primaryMove()
        .ifPresent(
            move -> {
              switch (move) {
                case Operation.Switchover s -> meters.switchovers.increment();
                case Operation.Failover f -> meters.failovers.increment();
                default -> {}
              }
            });
    meters.last.set(Snapshot.of(pass.report(), result, pass.clusteringStopped()));
    meters.registerDelays(result.observation().instances().size());
  }

  @Override
  public void passFailed(String namespace, String name, Duration took) {
    ClusterMeters meters = meters(namespace, name);
    meters.checks.increment();
    meters.errors.increment();
    meters.passDuration.record(took);
  }

  @Override
  public void removed(String namespace, String name) {
    ClusterMeters meters = clusters.remove(key(namespace, name));
    if (meters != null) {
      meters.meters.forEach(registry::remove);
    }
  }

  private ClusterMeters meters(String namespace, String name) {
    return clusters.computeIfAbsent(
        key(namespace, name),
        k -> new ClusterMeters(Tags.of("namespace", namespace, "name", name)));
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** What the gauges show, replaced as a whole after each pass. */
  private record Snapshot(
      ClusterState state,
      int primary,
      int instances,
      int synced,
      int errant,
      boolean clusteringStopped,
      Map<Integer, Double> delaySeconds) {

    static final Snapshot NONE = new Snapshot(null, -1, 0, 0, 0, false, Map.of());

    static Snapshot of(ClusterReport report, PassResult result, boolean clusteringStopped) {
      Map<Integer, Double> delays = new ConcurrentHashMap<>();
      for (InstanceObservation instance : result.observation().instances()) {
        instance
            .facts()
            .flatMap(InstanceFacts::replicaStatus)
            .map(ReplicaStatus::secondsBehindSource)
            .filter(
                seconds -> seconds.isPresent() && instance.index() != report.currentPrimaryIndex())
            .ifPresent(seconds -> delays.put(instance.index(), (double) seconds.getAsLong()));
      }
      return new Snapshot(
          report.state(),
          report.currentPrimaryIndex(),
          result.observation().instances().size(),
          report.synced().size(),
          report.errant().size(),
          clusteringStopped,
          Map.copyOf(delays));
    }
  }

  private final class ClusterMeters {

    final Tags tags;
    final List<Meter> meters = new ArrayList<>();
    final AtomicReference<Snapshot> last = new AtomicReference<>(Snapshot.NONE);
    final Counter checks;
    final Counter errors;
    final Counter switchovers;
    final Counter failovers;
    final Timer passDuration;
    private int delayGauges;

    ClusterMeters(Tags tags) {
      this.tags = tags;
      for (ClusterState state : ClusterState.values()) {
        String value = ClusterStates.of(state).api().name().toLowerCase(Locale.ROOT);
        gauge(
            "moco4j_cluster_state",
            "1 for the cluster's current state, 0 for the others",
            tags.and("state", value),
            s -> s.state() == state ? 1 : 0);
      }
      gauge(
          "moco4j_cluster_healthy",
          "1 when the cluster is Healthy",
          tags,
          s -> flag(s.state() == ClusterState.HEALTHY));
      gauge(
          "moco4j_cluster_available",
          "1 when the primary takes writes (Healthy or Degraded)",
          tags,
          s -> flag(s.state() != null && ClusterStates.primaryServes(s.state())));
      gauge(
          "moco4j_cluster_clustering_stopped",
          "1 when the cluster is only observed, never acted on",
          tags,
          s -> flag(s.clusteringStopped()));
      gauge(
          "moco4j_cluster_current_primary_index",
          "the primary's pod ordinal; -1 before the first pass",
          tags,
          Snapshot::primary);
      gauge("moco4j_cluster_instances", "instances in the cluster", tags, Snapshot::instances);
      gauge(
          "moco4j_cluster_synced_replicas",
          "replicas that replicate from the primary and are not too far behind",
          tags,
          Snapshot::synced);
      gauge(
          "moco4j_cluster_errant_replicas",
          "instances holding transactions the primary lacks",
          tags,
          Snapshot::errant);
      checks = counter("moco4j_cluster_checks", "passes of the clustering loop");
      errors = counter("moco4j_cluster_errors", "passes that failed or had failures");
      switchovers = counter("moco4j_cluster_switchovers", "switchovers done");
      failovers = counter("moco4j_cluster_failovers", "failovers done");
      passDuration =
          add(
              Timer.builder("moco4j_cluster_pass_duration")
                  .description("how long a pass of the clustering loop took")
                  .tags(tags)
                  .register(registry));
    }

    /** One delay gauge per instance index seen so far; a gauge without a value reads NaN. */
    synchronized void registerDelays(int instances) {
      for (int i = delayGauges; i < instances; i++) {
        int index = i;
        gauge(
            "moco4j_cluster_replication_delay_seconds",
            "how far the replica's applier is behind its source, as the replica reports it",
            tags.and("instance", String.valueOf(index)),
            s -> s.delaySeconds().getOrDefault(index, Double.NaN));
      }
      delayGauges = Math.max(delayGauges, instances);
    }

    private void gauge(
        String name,
        String description,
        Tags gaugeTags,
        java.util.function.ToDoubleFunction<Snapshot> value) {
      add(
          Gauge.builder(name, last, ref -> value.applyAsDouble(ref.get()))
              .description(description)
              .tags(gaugeTags)
              .register(registry));
    }

    private Counter counter(String name, String description) {
      return add(Counter.builder(name).description(description).tags(tags).register(registry));
    }

    private <M extends Meter> M add(M meter) {
      meters.add(meter);
      return meter;
    }

    private static double flag(boolean value) {
      return value ? 1 : 0;
    }
  }
}
