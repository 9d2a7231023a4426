package dev.moco4j.clustering.model;

import static dev.moco4j.clustering.model.Facts.p;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.Step.ConfigureSemiSync;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.mysql.SemiSyncSettings;
import dev.moco4j.mysql.semisync.Role;
import dev.moco4j.mysql.semisync.SemiSyncPlanner;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemiSyncStepsTest {

  private static final SemiSyncSettings OFF =
      new SemiSyncSettings(false, 1, 10_000, false, "AFTER_SYNC");
  private static final SemiSyncSettings AS_PRIMARY_OF_THREE =
      new SemiSyncSettings(
          true, 1, SemiSyncPlanner.NEVER_FALL_BACK_TO_ASYNC_MILLIS, false, "AFTER_SYNC");
  private static final SemiSyncSettings AS_REPLICA =
      new SemiSyncSettings(false, 1, 10_000, true, "AFTER_SYNC");

  @Test
  void withThePluginsEveryInstanceIsConfiguredForItsRoleAndThePrimaryBeforeItTakesWrites() {
    Decision decision =
        Clusters.of(3)
            .up(0, Facts.primary(p(0)).superReadOnly().semiSync(OFF))
            .up(1, Facts.empty().semiSync(OFF))
            .up(2, Facts.empty().semiSync(OFF))
            .decide();

    List<Step> steps = ((Operation.Converge) decision.operation()).steps();
    assertThat(steps)
        .contains(new ConfigureSemiSync(1, Role.REPLICA), new ConfigureSemiSync(2, Role.REPLICA));
    int primaryConfigured = steps.indexOf(new ConfigureSemiSync(0, Role.PRIMARY));
    assertThat(primaryConfigured)
        .isGreaterThan(steps.indexOf(new ConfigureSemiSync(2, Role.REPLICA)));
    assertThat(steps.getLast()).isEqualTo(new MakeWritable(0));
    assertThat(primaryConfigured).isEqualTo(steps.size() - 2);
  }

  @Test
  void settingsAlreadyInPlaceIssueNothing() {
    Decision decision =
        Clusters.of(3)
            .up(0, Facts.primary(p(5)).semiSync(AS_PRIMARY_OF_THREE))
            .up(1, Facts.replicaOf(0, p(5)).semiSync(AS_REPLICA))
            .up(2, Facts.replicaOf(0, p(5)).semiSync(AS_REPLICA))
            .decide();

    assertThat(decision.state()).isEqualTo(ClusterState.HEALTHY);
    assertThat(decision.operation()).isInstanceOf(Operation.None.class);
  }

  @Test
  void aDemotedPrimaryStillWaitingForAcknowledgementsIsReconfiguredAsAReplica() {
    Decision decision =
        Clusters.of(3)
            .up(0, Facts.primary(p(5)).semiSync(AS_PRIMARY_OF_THREE))
            .up(1, Facts.replicaOf(0, p(5)).semiSync(AS_PRIMARY_OF_THREE))
            .up(2, Facts.replicaOf(0, p(5)).semiSync(AS_REPLICA))
            .decide();

    assertThat(((Operation.Converge) decision.operation()).steps())
        .containsExactly(new ConfigureSemiSync(1, Role.REPLICA));
  }

  @Test
  void withoutThePluginsNothingIsIssuedButTheStatusWarnsThatFailoverMayLoseData() {
    ClusterObservation observation =
        Clusters.of(3)
            .up(0, Facts.primary(p(5)))
            .up(1, Facts.replicaOf(0, p(5)))
            .up(2, Facts.replicaOf(0, p(5)).semiSync(AS_REPLICA))
            .observation();

    assertThat(ClusterDecider.decide(observation).operation()).isInstanceOf(Operation.None.class);
    assertThat(SemiSyncWarnings.of(observation))
        .singleElement()
        .asString()
        .contains("instances [0, 1]", "asynchronous", "may lose acknowledged transactions");
  }

  @Test
  void aSingleInstanceNeedsNoSemiSyncAndGetsNoWarning() {
    ClusterObservation observation = Clusters.of(1).up(0, Facts.primary(p(5))).observation();

    assertThat(SemiSyncWarnings.of(observation)).isEmpty();
  }

  /**
   * Semi-sync cannot run on the test mysqld (no plugins): whether an intermediate primary is left
   * without source-side waits is checked on the plan.
   */
  @Test
  void intermediatePrimaryIsConfiguredWithoutSemiSyncWaitsWhileItsReplicasKeepTheirs() {
    Decision decision =
        Clusters.of(3)
            .intermediatePrimary(true)
            .up(
                0,
                Facts.replicaOf(Facts.EXTERNAL, Facts.gtids(Facts.EXTERNAL_UUID, 5))
                    .semiSync(AS_PRIMARY_OF_THREE))
            .up(1, Facts.replicaOf(0, Facts.gtids(Facts.EXTERNAL_UUID, 5)).semiSync(AS_REPLICA))
            .up(2, Facts.replicaOf(0, Facts.gtids(Facts.EXTERNAL_UUID, 5)).semiSync(AS_REPLICA))
            .decide();

    assertThat(((Operation.Converge) decision.operation()).steps())
        .containsExactly(new ConfigureSemiSync(0, Role.INTERMEDIATE_PRIMARY));
  }

  @Test
  void intermediatePrimaryWithoutSemiSyncIsInPlace() {
    Decision decision =
        Clusters.of(3)
            .intermediatePrimary(true)
            .up(
                0,
                Facts.replicaOf(Facts.EXTERNAL, Facts.gtids(Facts.EXTERNAL_UUID, 5)).semiSync(OFF))
            .up(1, Facts.replicaOf(0, Facts.gtids(Facts.EXTERNAL_UUID, 5)).semiSync(AS_REPLICA))
            .up(2, Facts.replicaOf(0, Facts.gtids(Facts.EXTERNAL_UUID, 5)).semiSync(AS_REPLICA))
            .decide();

    assertThat(decision.state()).isEqualTo(ClusterState.HEALTHY);
    assertThat(decision.operation()).isInstanceOf(Operation.None.class);
  }

  @Test
  void aReplicaWithSessionsWaitingForAnAcknowledgementIsReportedAsHung() {
    ClusterObservation observation =
        Clusters.of(3)
            .up(0, Facts.primary(p(5)).semiSync(AS_PRIMARY_OF_THREE).sessions(2, 1))
            .up(1, Facts.replicaOf(0, p(5)).semiSync(AS_REPLICA).sessions(0, 3))
            .up(2, Facts.replicaOf(0, p(5)).semiSync(AS_REPLICA).sessions(0, 0))
            .observation();

    assertThat(SemiSyncWarnings.of(observation))
        .singleElement()
        .asString()
        .contains("instance 1 appears hung", "3 sessions wait for a semi-sync acknowledgement");
  }
}
