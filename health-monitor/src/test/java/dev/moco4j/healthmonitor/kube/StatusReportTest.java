package dev.moco4j.healthmonitor.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.v1beta1.ErrantGtidSet;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.gtid.GtidSet;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StatusReportTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2030-01-01T00:01:00Z");

  static ClusterReport report(ClusterState state, List<Integer> synced, List<Integer> errant) {
    return new ClusterReport(
        state,
        0,
        new TreeSet<>(errant),
        new TreeSet<>(synced),
        state + " message",
        List.of(),
        new TreeMap<>());
  }

  private static String status(MySQLClusterStatus s, String type) {
    return StatusReport.condition(s, type).map(Condition::getStatus).orElse(null);
  }

  @Test
  void aHealthyReportSetsStateCountsAndConditionsButNeverThePrimaryIndex() {
    MySQLClusterStatus desired =
        StatusReport.desired(report(ClusterState.HEALTHY, List.of(1, 2), List.of()), null, T0);

    assertThat(desired.getState()).isEqualTo(dev.moco4j.api.v1beta1.ClusterState.HEALTHY);
    assertThat(desired.getSyncedReplicas()).isEqualTo(2);
    assertThat(desired.getErrantReplicas()).isZero();
    assertThat(desired.getErrantReplicaList()).isEmpty();
    assertThat(desired.getCurrentPrimaryIndex()).isNull();
    assertThat(status(desired, StatusReport.INITIALIZED)).isEqualTo("True");
    assertThat(status(desired, StatusReport.AVAILABLE)).isEqualTo("True");
    assertThat(status(desired, StatusReport.HEALTHY)).isEqualTo("True");
    assertThat(status(desired, StatusReport.SEMI_SYNC_UNAVAILABLE)).isEqualTo("False");
  }

  @Test
  void initializedStaysTrueWhenTheClusterLaterFails() {
    MySQLClusterStatus healthy =
        StatusReport.desired(report(ClusterState.HEALTHY, List.of(1, 2), List.of()), null, T0);

    MySQLClusterStatus failed =
        StatusReport.desired(report(ClusterState.FAILED, List.of(), List.of()), healthy, T1);

    assertThat(status(failed, StatusReport.INITIALIZED)).isEqualTo("True");
    assertThat(status(failed, StatusReport.AVAILABLE)).isEqualTo("False");
    assertThat(status(failed, StatusReport.HEALTHY)).isEqualTo("False");
  }

  @Test
  void aNewClusterIsNotInitializedUntilItsPrimaryServes() {
    MySQLClusterStatus incomplete =
        StatusReport.desired(report(ClusterState.INCOMPLETE, List.of(), List.of()), null, T0);

    assertThat(status(incomplete, StatusReport.INITIALIZED)).isEqualTo("False");
  }

  @Test
  void theTransitionTimeMovesOnlyWhenAConditionsStatusDoes() {
    MySQLClusterStatus healthy =
        StatusReport.desired(report(ClusterState.HEALTHY, List.of(1, 2), List.of()), null, T0);
    MySQLClusterStatus degraded =
        StatusReport.desired(report(ClusterState.DEGRADED, List.of(1), List.of(2)), healthy, T1);

    assertThat(
            StatusReport.condition(degraded, StatusReport.AVAILABLE).get().getLastTransitionTime())
        .isEqualTo(T0.toString());
    assertThat(StatusReport.condition(degraded, StatusReport.HEALTHY).get().getLastTransitionTime())
        .isEqualTo(T1.toString());
    assertThat(degraded.getErrantReplicaList()).containsExactly(2);
    assertThat(degraded.getErrantReplicas()).isEqualTo(1);
  }

  @Test
  void errantTransactionsArePublishedPerInstance() {
    GtidSet errant = GtidSet.of("eeeeeeee-0000-0000-0000-000000000001", 1, 3);
    ClusterReport report =
        new ClusterReport(
            ClusterState.DEGRADED,
            0,
            new TreeSet<>(List.of(2)),
            new TreeSet<>(List.of(1)),
            "errant: [2]",
            List.of(),
            new TreeMap<>(Map.of(2, errant)));

    MySQLClusterStatus desired = StatusReport.desired(report, null, T0);

    assertThat(desired.getErrantGtidSets())
        .containsExactly(new ErrantGtidSet(2, "eeeeeeee-0000-0000-0000-000000000001:1-3"));
  }

  @Test
  void semiSyncWarningsBecomeATrueConditionWithTheirText() {
    ClusterReport report =
        new ClusterReport(
            ClusterState.HEALTHY,
            0,
            new TreeSet<>(),
            new TreeSet<>(List.of(1, 2)),
            "ok",
            List.of("semi-sync missing on [0, 1, 2]"),
            new TreeMap<>());

    MySQLClusterStatus desired = StatusReport.desired(report, null, T0);

    Condition warning = StatusReport.condition(desired, StatusReport.SEMI_SYNC_UNAVAILABLE).get();
    assertThat(warning.getStatus()).isEqualTo("True");
    assertThat(warning.getMessage()).contains("semi-sync missing on [0, 1, 2]");
  }

  @Test
  void theSameReportAgainChangesNothingSoNothingIsWritten() {
    ClusterReport report = report(ClusterState.DEGRADED, List.of(1), List.of(2));
    MySQLClusterStatus written = StatusReport.desired(report, null, T0);
    written.setCurrentPrimaryIndex(0);

    assertThat(StatusReport.changed(written, StatusReport.desired(report, written, T1))).isFalse();
    assertThat(
            StatusReport.changed(
                written,
                StatusReport.desired(
                    report(ClusterState.HEALTHY, List.of(1, 2), List.of()), written, T1)))
        .isTrue();
    assertThat(StatusReport.changed(null, StatusReport.desired(report, null, T0))).isTrue();
  }
}
