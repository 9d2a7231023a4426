package dev.moco4j.reconciler.rollout;

import dev.moco4j.api.v1beta1.ClusterState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides the next step of a rolling update from the pods and the cluster's status: one outdated
 * pod at a time, replicas first, the primary only after the health-monitor switched away from it.
 * Pure: the same facts give the same action.
 */
public final class RolloutPlan {

  private RolloutPlan() {}

  /**
   * @param templateHash the StatefulSet template's restart hash
   * @param instances the number of instances the StatefulSet runs; pods beyond are ignored
   * @param pods the cluster's MySQL pods
   * @param state the cluster state the health-monitor last reported, or null
   * @param primaryIndex {@code status.currentPrimaryIndex}, or null
   */
  public static RolloutAction next(
      String templateHash,
      int instances,
      List<PodFacts> pods,
      ClusterState state,
      Integer primaryIndex) {
    Map<Integer, PodFacts> byIndex =
        pods.stream()
            .filter(p -> p.index() < instances)
            .collect(Collectors.toMap(PodFacts::index, Function.identity(), (a, b) -> a));
    List<PodFacts> outdated =
        byIndex.values().stream()
            .filter(p -> !Objects.equals(p.restartHash(), templateHash))
            .sorted(Comparator.comparingInt(PodFacts::index).reversed())
            .toList();
    if (outdated.isEmpty()) {
      return byIndex.size() == instances
          ? new RolloutAction.Done()
          : new RolloutAction.Wait(missing(byIndex, instances));
    }
    for (int i = 0; i < instances; i++) {
      PodFacts pod = byIndex.get(i);
      if (pod == null || pod.terminating()) {
        return new RolloutAction.Wait(missing(byIndex, instances));
      }
    }
    // The health-monitor's verdict covers what pod conditions cannot: replication running, no
    // errant transactions. Taking an instance away from a cluster that is not Healthy could leave
    // fewer than a majority to acknowledge writes or to fail over.
    if (state != ClusterState.HEALTHY) {
      return new RolloutAction.Wait(
          "cluster state is " + (state == null ? "not reported yet" : state) + ", not Healthy");
    }
    Optional<PodFacts> replica =
        outdated.stream().filter(p -> !isPrimary(p, primaryIndex)).findFirst();
    if (replica.isPresent()) {
      return deleteWhenOthersServe(replica.get(), byIndex);
    }
    PodFacts primary = outdated.getFirst();
    if (instances == 1) {
      // No other instance to switch to: updating a single instance always means a restart.
      return deleteWhenOthersServe(primary, byIndex);
    }
    if (!primary.demoteRequested()) {
      return new RolloutAction.RequestSwitchover(primary.name());
    }
    return new RolloutAction.Wait(
        "waiting for the health-monitor to switch the primary away from " + primary.name());
  }

  private static RolloutAction deleteWhenOthersServe(PodFacts pod, Map<Integer, PodFacts> byIndex) {
    Optional<PodFacts> notServing =
        byIndex.values().stream()
            .filter(p -> p.index() != pod.index() && !p.serving())
            .min(Comparator.comparingInt(PodFacts::index));
    if (notServing.isPresent()) {
      return new RolloutAction.Wait(
          "waiting for "
              + notServing.get().name()
              + " to be ready before restarting "
              + pod.name());
    }
    return new RolloutAction.DeletePod(pod.name());
  }

  /**
   * The recorded primary index is the truth; the role label lags behind it, so a pod that still
   * carries it is treated as primary too until the label moves.
   */
  private static boolean isPrimary(PodFacts pod, Integer primaryIndex) {
    return pod.labelledPrimary() || (primaryIndex != null && primaryIndex == pod.index());
  }

  private static String missing(Map<Integer, PodFacts> byIndex, int instances) {
    for (int i = 0; i < instances; i++) {
      PodFacts pod = byIndex.get(i);
      if (pod == null) {
        return "waiting for instance " + i + " to be created";
      }
      if (pod.terminating()) {
        return "waiting for " + pod.name() + " to be re-created";
      }
    }
    return "waiting for the instances to be created";
  }
}
