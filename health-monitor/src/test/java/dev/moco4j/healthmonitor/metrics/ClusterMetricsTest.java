package dev.moco4j.healthmonitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Operation;
import dev.moco4j.healthmonitor.PassListener;
import dev.moco4j.healthmonitor.Passes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ClusterMetrics metrics = new ClusterMetrics(registry);

  @Test
  void gaugesShowTheLastPassAndCountersCountMovesOfThePrimary() {
    metrics.passed(
        new PassListener.Pass(
            "ns",
            "db",
            Passes.pass(7, Optional.empty()),
            Passes.report(ClusterState.DEGRADED, 0),
            false,
            Duration.ofMillis(40)));

    assertThat(gauge("moco4j_cluster_state", "state", "degraded")).isEqualTo(1);
    assertThat(gauge("moco4j_cluster_state", "state", "healthy")).isZero();
    assertThat(gauge("moco4j_cluster_healthy")).isZero();
    assertThat(gauge("moco4j_cluster_available")).isEqualTo(1);
    assertThat(gauge("moco4j_cluster_current_primary_index")).isZero();
    assertThat(gauge("moco4j_cluster_instances")).isEqualTo(3);
    assertThat(gauge("moco4j_cluster_synced_replicas")).isEqualTo(1);
    assertThat(gauge("moco4j_cluster_errant_replicas")).isZero();
    assertThat(gauge("moco4j_cluster_replication_delay_seconds", "instance", "1")).isEqualTo(7);
    // The primary has no delay, nor has an unreachable replica.
    assertThat(gauge("moco4j_cluster_replication_delay_seconds", "instance", "0")).isNaN();
    assertThat(gauge("moco4j_cluster_replication_delay_seconds", "instance", "2")).isNaN();
    assertThat(counter("moco4j_cluster_checks")).isEqualTo(1);
    assertThat(counter("moco4j_cluster_switchovers")).isZero();

    metrics.passed(
        new PassListener.Pass(
            "ns",
            "db",
            Passes.pass(0, Optional.of(new Operation.Switchover(0, 1, "asked"))),
            Passes.report(ClusterState.HEALTHY, 1),
            false,
            Duration.ofMillis(900)));
    metrics.passed(
        new PassListener.Pass(
            "ns",
            "db",
            Passes.pass(0, Optional.of(new Operation.Failover(1, List.of(0)))),
            Passes.report(ClusterState.HEALTHY, 0),
            true,
            Duration.ofMillis(900)));
    metrics.passFailed("ns", "db", Duration.ofMillis(5));

    assertThat(gauge("moco4j_cluster_healthy")).isEqualTo(1);
    assertThat(gauge("moco4j_cluster_clustering_stopped")).isEqualTo(1);
    assertThat(counter("moco4j_cluster_switchovers")).isEqualTo(1);
    assertThat(counter("moco4j_cluster_failovers")).isEqualTo(1);
    assertThat(counter("moco4j_cluster_checks")).isEqualTo(4);
    assertThat(counter("moco4j_cluster_errors")).isEqualTo(1);
    assertThat(registry.get("moco4j_cluster_pass_duration").tag("name", "db").timer().count())
        .isEqualTo(4);
  }

  @Test
  void aRemovedClusterLeavesNoMeterBehind() {
    metrics.passed(
        new PassListener.Pass(
            "ns",
            "db",
            Passes.pass(0, Optional.empty()),
            Passes.report(ClusterState.HEALTHY, 0),
            false,
            Duration.ofMillis(1)));
    metrics.passed(
        new PassListener.Pass(
            "ns",
            "other",
            Passes.pass(0, Optional.empty()),
            Passes.report(ClusterState.HEALTHY, 0),
            false,
            Duration.ofMillis(1)));

    metrics.removed("ns", "db");

    assertThat(registry.find("moco4j_cluster_checks").tag("name", "db").counters()).isEmpty();
    assertThat(registry.getMeters())
        .allSatisfy(meter -> assertThat(meter.getId().getTag("name")).isEqualTo("other"));
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tag("namespace", "ns").tag("name", "db").tags(tags).gauge().value();
  }

  private double counter(String name) {
    return registry.get(name).tag("namespace", "ns").tag("name", "db").counter().count();
  }
}
