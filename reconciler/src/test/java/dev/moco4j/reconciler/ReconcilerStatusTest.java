package dev.moco4j.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.api.v1beta1.ReconcileInfo;
import dev.moco4j.reconciler.rollout.RolloutAction;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerStatusTest {

  private static final Instant T1 = Instant.parse("2026-01-01T10:00:00.123Z");
  private static final Instant T2 = Instant.parse("2026-01-01T11:00:00Z");

  private static ReconcileFindings ready() {
    return new ReconcileFindings(false, List.of(), new RolloutAction.Done(), 3, 3);
  }

  private static Condition condition(MySQLClusterStatus status, String type) {
    return ReconcilerStatus.find(status, type).orElseThrow();
  }

  @Test
  void successfulReconcileReportsReadyAndTheObservedGeneration() {
    MySQLClusterStatus status = ReconcilerStatus.build(ready(), null, 4, "1.0", T1);

    assertThat(condition(status, "ReconcileSuccess").getStatus()).isEqualTo("True");
    assertThat(condition(status, "StatefulSetReady").getReason()).isEqualTo("Ready");
    assertThat(condition(status, "StatefulSetReady").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:00:00Z");
    assertThat(status.getReconcileInfo()).isEqualTo(new ReconcileInfo(4L, 1, "1.0"));
    assertThat(status.getState()).isNull();
    assertThat(status.getCurrentPrimaryIndex()).isNull();
  }

  @Test
  void transitionTimeChangesOnlyWithTheConditionStatus() {
    MySQLClusterStatus first = ReconcilerStatus.build(ready(), null, 4, "1.0", T1);
    MySQLClusterStatus same = ReconcilerStatus.build(ready(), first, 5, "1.0", T2);
    MySQLClusterStatus notReady =
        ReconcilerStatus.build(
            new ReconcileFindings(false, List.of(), new RolloutAction.Done(), 3, 2),
            same,
            5,
            "1.0",
            T2);

    assertThat(condition(same, "StatefulSetReady").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:00:00Z");
    assertThat(condition(notReady, "StatefulSetReady").getLastTransitionTime())
        .isEqualTo("2026-01-01T11:00:00Z");
    assertThat(condition(notReady, "StatefulSetReady").getMessage())
        .isEqualTo("2 of 3 instances are ready");
  }

  @Test
  void problemsBecomeTheReasonAndMessageAndKeepTheLastObservedGeneration() {
    MySQLClusterStatus before = ReconcilerStatus.build(ready(), null, 4, "1.0", T1);
    var found =
        new ReconcileFindings(
            false,
            List.of(Problem.blocking("UserConfigMapMissing", "ConfigMap x is missing")),
            null,
            0,
            0);

    MySQLClusterStatus status = ReconcilerStatus.build(found, before, 5, "1.0", T2);

    assertThat(condition(status, "ReconcileSuccess"))
        .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly("False", "UserConfigMapMissing", "ConfigMap x is missing");
    assertThat(condition(status, "StatefulSetReady").getStatus()).isEqualTo("Unknown");
    assertThat(status.getReconcileInfo().observedGeneration()).isEqualTo(4L);
  }

  @Test
  void whatStoppedTheReconcileIsTheReasonEvenAfterAWarning() {
    var found =
        new ReconcileFindings(
            false,
            List.of(
                Problem.warning("MyCnfEntriesRejected", "my.cnf key gtid_mode is set by moco4j"),
                Problem.blocking("ObjectNotOwned", "Service shop-primary exists")),
            null,
            0,
            0);

    assertThat(condition(ReconcilerStatus.build(found, null, 1, "1.0", T1), "ReconcileSuccess"))
        .extracting(Condition::getReason, Condition::getMessage)
        .containsExactly(
            "ObjectNotOwned", "my.cnf key gtid_mode is set by moco4j; Service shop-primary exists");
  }

  @Test
  void rolloutWaitIsReportedWhereItWaits() {
    var found =
        new ReconcileFindings(
            false, List.of(), new RolloutAction.Wait("cluster state is DEGRADED"), 3, 3);

    assertThat(condition(ReconcilerStatus.build(found, null, 1, "1.0", T1), "StatefulSetReady"))
        .extracting(Condition::getReason, Condition::getMessage)
        .containsExactly("RolloutWaiting", "cluster state is DEGRADED");
  }

  @Test
  void stoppedReconciliationIsReported() {
    var found = new ReconcileFindings(true, List.of(), null, 0, 0);

    assertThat(condition(ReconcilerStatus.build(found, null, 1, "1.0", T1), "ReconcileSuccess"))
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("False", "ReconciliationStopped");
  }
}
