package dev.moco4j.healthmonitor.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.eventbus.ClusterStatusSnapshot;
import dev.moco4j.eventbus.EventBusAddresses;
import dev.moco4j.eventbus.InstanceRole;
import dev.moco4j.eventbus.InstanceStatus;
import dev.moco4j.eventbus.MessageCodecs;
import dev.moco4j.healthmonitor.PassListener;
import dev.moco4j.healthmonitor.Passes;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusSnapshotsTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(Duration.ofSeconds(30));
  }

  @Test
  void publishesASnapshotOnlyWhenWhatItShowsChanged() throws Exception {
    MessageCodecs.registerAll(vertx.eventBus());
    List<ClusterStatusSnapshot> received = new CopyOnWriteArrayList<>();
    vertx
        .eventBus()
        .<ClusterStatusSnapshot>consumer(
            EventBusAddresses.CLUSTER_STATUS, message -> received.add(message.body()))
        .completion()
        .await(Duration.ofSeconds(10));
    Instant[] now = {Instant.parse("2026-11-28T20:00:00Z")};
    StatusSnapshots snapshots = new StatusSnapshots(vertx.eventBus(), () -> now[0]);

    snapshots.passed(
        new PassListener.Pass(
            "ns",
            "db",
            Passes.pass(3, Optional.empty()),
            Passes.report(ClusterState.DEGRADED, 0),
            false,
            Duration.ZERO));
    now[0] = now[0].plusSeconds(1);
    // Nothing changed but the time: no second snapshot.
    snapshots.passed(
        new PassListener.Pass(
            "ns",
            "db",
            Passes.pass(3, Optional.empty()),
            Passes.report(ClusterState.DEGRADED, 0),
            false,
            Duration.ZERO));
    snapshots.passed(
        new PassListener.Pass(
            "ns",
            "db",
            Passes.pass(0, Optional.empty()),
            Passes.report(ClusterState.DEGRADED, 0),
            false,
            Duration.ZERO));

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> received.size() == 2);
    ClusterStatusSnapshot first = received.get(0);
    assertThat(first.namespace()).isEqualTo("ns");
    assertThat(first.cluster()).isEqualTo("db");
    assertThat(first.state()).isEqualTo(dev.moco4j.eventbus.ClusterState.DEGRADED);
    assertThat(first.currentPrimaryIndex()).isZero();
    assertThat(first.observedAt()).isEqualTo(Instant.parse("2026-11-28T20:00:00Z"));
    assertThat(first.instances())
        .extracting(InstanceStatus::index, InstanceStatus::role, InstanceStatus::ready)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, InstanceRole.PRIMARY, true),
            org.assertj.core.groups.Tuple.tuple(1, InstanceRole.REPLICA, true),
            org.assertj.core.groups.Tuple.tuple(2, InstanceRole.NONE, false));
    assertThat(first.instances().get(1).replicationLag()).isEqualTo(Duration.ofSeconds(3));
    assertThat(first.instances().get(0).replicationLag()).isNull();
    assertThat(first.instances().get(2).gtidExecuted()).isNull();
    assertThat(first.instances().get(0).gtidExecuted()).startsWith(Passes.PRIMARY_UUID);
    assertThat(received.get(1).instances().get(1).replicationLag()).isEqualTo(Duration.ZERO);
  }
}
