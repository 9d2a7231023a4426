package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.v1beta1.ErrantGtidSet;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.model.ClusterState;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a MySQLCluster's status a pass reports: state, synced and errant replicas, and the
 * health-monitor's conditions. Never the primary index: that changes only by compare-and-swap.
 */
public final class StatusReport {

  /** A primary has served the cluster at least once; stays True after. */
  public static final String INITIALIZED = "Initialized";

  /** The primary takes writes. */
  public static final String AVAILABLE = "Available";

  /** Every replica is synced. */
  public static final String HEALTHY = "Healthy";

  /** A warning users must know about: replication is not semi-synchronous. */
  public static final String SEMI_SYNC_UNAVAILABLE = "SemiSyncUnavailable";

  static final List<String> TYPES = List.of(INITIALIZED, AVAILABLE, HEALTHY, SEMI_SYNC_UNAVAILABLE);

  private StatusReport() {}

  /** The owned fields as they should be after {@code report}, given the {@code current} status. */
  public static MySQLClusterStatus desired(
      ClusterReport report, MySQLClusterStatus current, Instant now) {
    MySQLClusterStatus status = new MySQLClusterStatus();
    status.setState(ClusterStates.of(report.state()).api());
    status.setSyncedReplicas(report.synced().size());
    status.setErrantReplicas(report.errant().size());
    status.setErrantReplicaList(List.copyOf(report.errant()));
    // What a person needs to judge each errant replica, and what a re-initialization discards.
    status.setErrantGtidSets(
        report.errantTransactions().entrySet().stream()
            .map(e -> new ErrantGtidSet(e.getKey(), e.getValue().toString()))
            .toList());
    boolean available = ClusterStates.primaryServes(report.state());
    boolean wasInitialized =
        condition(current, INITIALIZED).map(c -> "True".equals(c.getStatus())).orElse(false);
    String reason = reason(report.state());
    List<Condition> conditions = new ArrayList<>();
    conditions.add(
        condition(
            current, INITIALIZED, wasInitialized || available, reason, report.message(), now));
    conditions.add(condition(current, AVAILABLE, available, reason, report.message(), now));
    conditions.add(
        condition(
            current,
            HEALTHY,
            report.state() == ClusterState.HEALTHY,
            reason,
            report.message(),
            now));
    conditions.add(
        report.warnings().isEmpty()
            ? condition(current, SEMI_SYNC_UNAVAILABLE, false, "NoneReported", "", now)
            : condition(
                current,
                SEMI_SYNC_UNAVAILABLE,
                true,
                "PluginsMissing",
                String.join("; ", report.warnings()),
                now));
    status.setConditions(conditions);
    return status;
  }

  /** Whether writing {@code desired} would change anything a reader sees in {@code current}. */
  public static boolean changed(MySQLClusterStatus current, MySQLClusterStatus desired) {
    if (current == null) {
      return true;
    }
    if (current.getState() != desired.getState()
        || !Objects.equals(current.getSyncedReplicas(), desired.getSyncedReplicas())
        || !Objects.equals(current.getErrantReplicas(), desired.getErrantReplicas())
        || !orEmpty(current.getErrantReplicaList()).equals(desired.getErrantReplicaList())) {
      return true;
    }
    for (Condition wanted : desired.getConditions()) {
      Optional<Condition> found = condition(current, wanted.getType());
      if (found.isEmpty()
          || !Objects.equals(found.get().getStatus(), wanted.getStatus())
          || !Objects.equals(found.get().getReason(), wanted.getReason())
          || !Objects.equals(orEmpty(found.get().getMessage()), orEmpty(wanted.getMessage()))) {
        return true;
      }
    }
    return false;
  }

  public static Optional<Condition> condition(MySQLClusterStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The transition time moves only when the condition's status does, as Kubernetes defines it. */
  private static Condition condition(
      MySQLClusterStatus current,
      String type,
      boolean value,
      String reason,
      String message,
      Instant now) {
    String status = value ? "True" : "False";
    String since =
        condition(current, type)
            .filter(c -> status.equals(c.getStatus()) && c.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(since)
        .build();
  }

  /** The state as a condition reason: CamelCase, as the API spells the state. */
  private static String reason(ClusterState state) {
    String name = ClusterStates.of(state).api().name();
    return name.charAt(0) + name.substring(1).toLowerCase();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
