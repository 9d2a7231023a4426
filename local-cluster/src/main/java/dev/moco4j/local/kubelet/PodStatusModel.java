package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a pod's status from what the kubelet knows, keeping conditions others own (readiness gate
 * conditions set by the health-monitor) and the transition times of conditions that did not change,
 * so an unchanged pod yields an equal status and no write.
 */
final class PodStatusModel {

  /** The conditions the kubelet owns; every other condition is left as it is. */
  static final Set<String> OWN =
      Set.of(
          "PodScheduled", "PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready");

  private PodStatusModel() {}

  static PodStatus build(
      Pod pod,
      String phase,
      String reason,
      String message,
      String podIp,
      String startTime,
      boolean initialized,
      List<ContainerSlot> initSlots,
      List<ContainerSlot> slots) {
    PodStatus old = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    boolean containersReady = !slots.isEmpty() && slots.stream().allMatch(s -> s.ready);
    List<String> missingGates = missingGates(pod);
    boolean ready = containersReady && missingGates.isEmpty();
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(condition(old, "PodScheduled", true, null, null));
    conditions.add(condition(old, "PodReadyToStartContainers", podIp != null, null, null));
    conditions.add(
        condition(
            old,
            "Initialized",
            initialized,
            initialized ? null : "ContainersNotInitialized",
            null));
    conditions.add(
        condition(
            old,
            "ContainersReady",
            containersReady,
            containersReady ? null : "ContainersNotReady",
            containersReady ? null : "containers with unready status: " + unready(slots)));
    conditions.add(
        condition(
            old,
            "Ready",
            ready,
            ready ? null : containersReady ? "ReadinessGatesNotReady" : "ContainersNotReady",
            ready
                ? null
                : containersReady
                    ? "the conditions of readiness gates are not True: " + missingGates
                    : "containers with unready status: " + unready(slots)));
    for (PodCondition foreign : old.getConditions()) {
      if (!OWN.contains(foreign.getType())) {
        conditions.add(foreign);
      }
    }
    return new PodStatusBuilder()
        .withPhase(phase)
        .withReason(reason)
        .withMessage(message)
        .withHostIP("127.0.0.1")
        .withHostIPs(new io.fabric8.kubernetes.api.model.HostIP("127.0.0.1"))
        .withPodIP(podIp)
        .withPodIPs(podIp == null ? List.of() : List.of(new PodIP(podIp)))
        .withStartTime(startTime)
        .withQosClass(old.getQosClass())
        .withConditions(conditions)
        .withInitContainerStatuses(initSlots.stream().map(ContainerSlot::status).toList())
        .withContainerStatuses(slots.stream().map(ContainerSlot::status).toList())
        .build();
  }

  /** Readiness gates whose condition is not True (Ready only when every one is True). */
  static List<String> missingGates(Pod pod) {
    List<String> missing = new ArrayList<>();
    for (PodReadinessGate gate : pod.getSpec().getReadinessGates()) {
      boolean isTrue =
          pod.getStatus() != null
              && pod.getStatus().getConditions().stream()
                  .anyMatch(
                      c ->
                          gate.getConditionType().equals(c.getType())
                              && "True".equals(c.getStatus()));
      if (!isTrue) {
        missing.add(gate.getConditionType());
      }
    }
    return missing;
  }

  private static String unready(List<ContainerSlot> slots) {
    return slots.stream().filter(s -> !s.ready).map(s -> s.spec.getName()).toList().toString();
  }

  private static PodCondition condition(
      PodStatus old, String type, boolean value, String reason, String message) {
    String status = value ? "True" : "False";
    PodCondition previous =
        old.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    String since =
        previous != null && status.equals(previous.getStatus())
            ? previous.getLastTransitionTime()
            : ContainerSlot.time(java.time.Instant.now());
    if (previous != null
        && status.equals(previous.getStatus())
        && Objects.equals(reason, previous.getReason())
        && Objects.equals(message, previous.getMessage())) {
      return previous;
    }
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(since)
        .build();
  }
}
