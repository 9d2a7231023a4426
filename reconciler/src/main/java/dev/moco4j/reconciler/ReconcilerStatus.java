package dev.moco4j.reconciler;

import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.api.v1beta1.ReconcileInfo;
import dev.moco4j.reconciler.rollout.RolloutAction;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The part of a MySQLCluster's status the reconciler owns: its two conditions and reconcileInfo.
 * Pure: built from what a reconcile found, the previous status and the time.
 */
public final class ReconcilerStatus {

  public static final String RECONCILE_SUCCESS = "ReconcileSuccess";
  public static final String STATEFUL_SET_READY = "StatefulSetReady";

  public static final String RECONCILED = "Reconciled";
  public static final String RECONCILIATION_STOPPED = "ReconciliationStopped";
  public static final String READY = "Ready";
  public static final String PODS_NOT_READY = "PodsNotReady";
  public static final String ROLLING_UPDATE = "RollingUpdate";
  public static final String ROLLOUT_WAITING = "RolloutWaiting";
  public static final String NOT_RECONCILED = "NotReconciled";

  /** Raised when the reconcile logic changes what it generates, so newer ones re-apply older. */
  public static final int RECONCILE_VERSION = 1;

  private ReconcilerStatus() {}

  /**
   * @param found what the reconcile found and did
   * @param previous the status before, or null
   * @param generation the spec's metadata.generation
   * @param operatorVersion the reconciler's version
   */
  public static MySQLClusterStatus build(
      ReconcileFindings found,
      MySQLClusterStatus previous,
      long generation,
      String operatorVersion,
      Instant now) {
    List<Condition> before = previous == null ? null : previous.getConditions();
    MySQLClusterStatus status = new MySQLClusterStatus();
    status.setConditions(
        List.of(
            withTransitionTime(reconcileSuccess(found, generation), before, now),
            withTransitionTime(statefulSetReady(found, generation), before, now)));
    ReconcileInfo last = previous == null ? null : previous.getReconcileInfo();
    if (!found.stopped() && found.problems().stream().noneMatch(Problem::blocking)) {
      status.setReconcileInfo(new ReconcileInfo(generation, RECONCILE_VERSION, operatorVersion));
    } else {
      // Applied again as it was: leaving it out would drop it from the status.
      status.setReconcileInfo(last);
    }
    return status;
  }

  /** The previous condition of a type, if any. */
  public static Optional<Condition> find(MySQLClusterStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static Condition reconcileSuccess(ReconcileFindings found, long generation) {
    if (found.stopped()) {
      return condition(
          RECONCILE_SUCCESS,
          "False",
          RECONCILIATION_STOPPED,
          "the annotation moco4j.dev/reconciliation-stopped is \"true\": moco4j does not change"
              + " this cluster's objects until it is removed",
          generation);
    }
    if (!found.problems().isEmpty()) {
      return condition(
          RECONCILE_SUCCESS,
          "False",
          mainProblem(found.problems()).reason(),
          found.problems().stream().map(Problem::message).collect(Collectors.joining("; ")),
          generation);
    }
    return condition(
        RECONCILE_SUCCESS,
        "True",
        RECONCILED,
        "every object matches generation " + generation + " of the spec",
        generation);
  }

  /** What stopped the reconcile, if something did; else the first warning. */
  private static Problem mainProblem(List<Problem> problems) {
    return problems.stream().filter(Problem::blocking).findFirst().orElse(problems.getFirst());
  }

  private static Condition statefulSetReady(ReconcileFindings found, long generation) {
    if (found.stopped() || found.rollout() == null) {
      return condition(
          STATEFUL_SET_READY,
          "Unknown",
          NOT_RECONCILED,
          "the StatefulSet was not reconciled: see ReconcileSuccess",
          generation);
    }
    return switch (found.rollout()) {
      case RolloutAction.Wait wait ->
          condition(STATEFUL_SET_READY, "False", ROLLOUT_WAITING, wait.reason(), generation);
      case RolloutAction.DeletePod delete ->
          condition(
              STATEFUL_SET_READY,
              "False",
              ROLLING_UPDATE,
              "restarting " + delete.pod() + " with the new pod template",
              generation);
      case RolloutAction.RequestSwitchover switchover ->
          condition(
              STATEFUL_SET_READY,
              "False",
              ROLLING_UPDATE,
              "asked for a switchover away from the primary "
                  + switchover.pod()
                  + " before restarting it",
              generation);
      case RolloutAction.Done done ->
          found.readyInstances() >= found.instances()
              ? condition(
                  STATEFUL_SET_READY,
                  "True",
                  READY,
                  "all " + found.instances() + " instances run the current template and are ready",
                  generation)
              : condition(
                  STATEFUL_SET_READY,
                  "False",
                  PODS_NOT_READY,
                  found.readyInstances() + " of " + found.instances() + " instances are ready",
                  generation);
    };
  }

  private static Condition condition(
      String type, String status, String reason, String message, long generation) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .build();
  }

  /** The time of the last change of status, as Kubernetes conditions carry it. */
  private static Condition withTransitionTime(
      Condition condition, List<Condition> before, Instant now) {
    String time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    if (before != null) {
      for (Condition old : before) {
        if (condition.getType().equals(old.getType())
            && Objects.equals(condition.getStatus(), old.getStatus())
            && old.getLastTransitionTime() != null) {
          time = old.getLastTransitionTime();
        }
      }
    }
    condition.setLastTransitionTime(time);
    return condition;
  }
}
