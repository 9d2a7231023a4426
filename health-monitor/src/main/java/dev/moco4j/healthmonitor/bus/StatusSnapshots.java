package dev.moco4j.healthmonitor.bus;

import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.PassResult;
import dev.moco4j.clustering.model.InstanceObservation;
import dev.moco4j.eventbus.ClusterStatusSnapshot;
import dev.moco4j.eventbus.EventBusAddresses;
import dev.moco4j.eventbus.InstanceRole;
import dev.moco4j.eventbus.InstanceStatus;
import dev.moco4j.healthmonitor.PassListener;
import dev.moco4j.healthmonitor.kube.ClusterStates;
import dev.moco4j.healthmonitor.kube.PodRole;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.ReplicaStatus;
import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a {@link ClusterStatusSnapshot} on {@link EventBusAddresses#CLUSTER_STATUS} after each
 * pass that changed what a snapshot shows, so the other services and the plugin follow a cluster
 * without polling the API server.
 */
public final class StatusSnapshots implements PassListener {

  private final EventBus eventBus;
  private final InstantSource clock;
  private final Map<String, ClusterStatusSnapshot> lastPublished = new ConcurrentHashMap<>();

  public StatusSnapshots(EventBus eventBus, InstantSource clock) {
    this.eventBus = eventBus;
    this.clock = clock;
  }

  @Override
  public void passed(Pass pass) {
    ClusterStatusSnapshot snapshot =
        snapshot(pass.namespace(), pass.name(), pass.result(), pass.report(), clock);
    String key = key(pass.namespace(), pass.name());
    ClusterStatusSnapshot previous = lastPublished.get(key);
    if (previous != null && sameContent(previous, snapshot)) {
      return;
    }
    eventBus.publish(EventBusAddresses.CLUSTER_STATUS, snapshot);
    lastPublished.put(key, snapshot);
  }

  @Override
  public void removed(String namespace, String name) {
    lastPublished.remove(key(namespace, name));
  }

  static ClusterStatusSnapshot snapshot(
      String namespace, String name, PassResult result, ClusterReport report, InstantSource clock) {
    List<InstanceObservation> observed = result.observation().instances();
    List<PodRole> roles =
        PodRole.decide(observed.size(), report.currentPrimaryIndex(), result.decision());
    List<InstanceStatus> instances = new ArrayList<>();
    for (InstanceObservation instance : observed) {
      int index = instance.index();
      PodRole role = roles.get(index);
      instances.add(
          new InstanceStatus(
              index,
              role.role().map(StatusSnapshots::busRole).orElse(InstanceRole.NONE),
              role.ready(),
              report.errant().contains(index),
              instance.facts().map(f -> f.gtidExecuted().toString()).orElse(null),
              index == report.currentPrimaryIndex()
                  ? null
                  : instance
                      .facts()
                      .flatMap(InstanceFacts::replicaStatus)
                      .map(ReplicaStatus::secondsBehindSource)
                      .filter(s -> s.isPresent())
                      .map(s -> Duration.ofSeconds(s.getAsLong()))
                      .orElse(null)));
    }
    return new ClusterStatusSnapshot(
        namespace,
        name,
        ClusterStates.of(report.state()).bus(),
        report.currentPrimaryIndex(),
        instances,
        clock.instant());
  }

  private static InstanceRole busRole(String label) {
    return dev.moco4j.api.names.Labels.ROLE_PRIMARY.equals(label)
        ? InstanceRole.PRIMARY
        : InstanceRole.REPLICA;
  }

  /** Equal but for when it was observed. */
  private static boolean sameContent(ClusterStatusSnapshot a, ClusterStatusSnapshot b) {
    return a.state() == b.state()
        && a.currentPrimaryIndex() == b.currentPrimaryIndex()
        && Objects.equals(a.instances(), b.instances());
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
