package dev.moco4j.cli;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code status} shows: the cluster's state and conditions from its status, and each
 * instance's role and readiness from its pod.
 *
 * @param primary the primary's pod ordinal as the status records it
 */
record ClusterStatusView(
    String namespace,
    String name,
    String state,
    int primary,
    List<Instance> instances,
    List<ConditionLine> conditions) {

  /**
   * @param role {@code primary}, {@code replica}, or empty when it serves neither
   * @param ready the readiness gate the health-monitor sets
   */
  record Instance(
      int index, String pod, String phase, String role, boolean ready, boolean errant) {}

  record ConditionLine(String type, String status, String reason, String message) {}

  static ClusterStatusView of(MySQLCluster cluster, List<Pod> pods) {
    String name = cluster.getMetadata().getName();
    MySQLClusterStatus status =
        cluster.getStatus() == null ? new MySQLClusterStatus() : cluster.getStatus();
    Map<String, Pod> byName =
        pods.stream()
            .collect(Collectors.toMap(p -> p.getMetadata().getName(), Function.identity()));
    List<Integer> errant =
        status.getErrantReplicaList() == null ? List.of() : status.getErrantReplicaList();
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < cluster.getSpec().getReplicas(); i++) {
      String podName = ResourceNames.podName(name, i);
      Pod pod = byName.get(podName);
      instances.add(
          new Instance(
              i,
              podName,
              pod == null || pod.getStatus() == null ? "Missing" : pod.getStatus().getPhase(),
              pod == null || pod.getMetadata().getLabels() == null
                  ? ""
                  : pod.getMetadata().getLabels().getOrDefault(Labels.ROLE, ""),
              pod != null && gate(pod),
              errant.contains(i)));
    }
    List<ConditionLine> conditions =
        status.getConditions() == null
            ? List.of()
            : status.getConditions().stream()
                .map(
                    (Condition c) ->
                        new ConditionLine(
                            c.getType(), c.getStatus(), c.getReason(), c.getMessage()))
                .toList();
    return new ClusterStatusView(
        cluster.getMetadata().getNamespace(),
        name,
        status.getState() == null ? "Unknown" : apiName(status.getState()),
        Moco4jCommand.primaryIndex(cluster),
        instances,
        conditions);
  }

  /** The state as the API spells it ({@code Healthy}), from the enum constant's JSON name. */
  private static String apiName(Enum<?> state) {
    try {
      return state
          .getDeclaringClass()
          .getField(state.name())
          .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class)
          .value();
    } catch (NoSuchFieldException | NullPointerException e) {
      return state.name();
    }
  }

  private static boolean gate(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> PodConditions.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append("MySQLCluster ")
        .append(namespace)
        .append('/')
        .append(name)
        .append(": ")
        .append(state)
        .append(", primary ")
        .append(primary)
        .append('\n');
    out.append(
        String.format(
            "%-5s %-24s %-9s %-8s %-6s %s%n", "INDEX", "POD", "PHASE", "ROLE", "READY", "ERRANT"));
    for (Instance i : instances) {
      out.append(
          String.format(
              "%-5d %-24s %-9s %-8s %-6s %s%n",
              i.index(),
              i.pod(),
              i.phase(),
              i.role().isEmpty() ? "-" : i.role(),
              i.ready() ? "yes" : "no",
              i.errant() ? "yes" : "no"));
    }
    if (!conditions.isEmpty()) {
      out.append("CONDITIONS\n");
      for (ConditionLine c : conditions) {
        out.append("  ")
            .append(c.type())
            .append('=')
            .append(c.status())
            .append(" (")
            .append(Objects.toString(c.reason(), ""))
            .append(") ")
            .append(Objects.toString(c.message(), ""))
            .append('\n');
      }
    }
    return out.toString();
  }

  String json(KubernetesClient client) {
    return client.getKubernetesSerialization().asJson(this) + "\n";
  }
}
