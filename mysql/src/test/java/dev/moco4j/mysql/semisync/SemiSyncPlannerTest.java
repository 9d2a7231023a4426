package dev.moco4j.mysql.semisync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.mysql.SemiSyncSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemiSyncPlannerTest {

  private static final Set<String> BOTH_PLUGINS =
      Set.of("InnoDB", "binlog", "rpl_semi_sync_source", "rpl_semi_sync_replica");
  private static final CurrentSemiSync REPLICATING_WITHOUT_SEMI_SYNC =
      new CurrentSemiSync(false, true);

  @ParameterizedTest
  @CsvSource({"3, 1", "5, 2", "7, 3"})
  void primaryWaitsForHalfOfTheReplicasAndNeverFallsBackToAsync(int instances, int waitCount) {
    SemiSyncPlan plan =
        SemiSyncPlanner.plan(instances, Role.PRIMARY, BOTH_PLUGINS, CurrentSemiSync.NONE);

    assertThat(plan)
        .isEqualTo(
            new SemiSyncPlan.Apply(
                List.of(
                    "SET GLOBAL rpl_semi_sync_source_timeout = 4294967295",
                    "SET GLOBAL rpl_semi_sync_source_wait_point = AFTER_SYNC",
                    "SET GLOBAL rpl_semi_sync_source_wait_for_replica_count = " + waitCount,
                    "SET GLOBAL rpl_semi_sync_source_enabled = ON",
                    "SET GLOBAL rpl_semi_sync_replica_enabled = OFF"),
                false));
  }

  @Test
  void singleInstancePrimaryTurnsSemiSyncOffBecauseNoReplicaCouldAcknowledge() {
    SemiSyncPlan plan = SemiSyncPlanner.plan(1, Role.PRIMARY, BOTH_PLUGINS, CurrentSemiSync.NONE);

    assertThat(plan)
        .isEqualTo(
            new SemiSyncPlan.Apply(
                List.of(
                    "SET GLOBAL rpl_semi_sync_source_enabled = OFF",
                    "SET GLOBAL rpl_semi_sync_replica_enabled = OFF"),
                false));
  }

  @ParameterizedTest
  @CsvSource({"3", "5"})
  void replicaAcknowledgesAndRestartsItsIoThreadWhenTheSettingChanges(int instances) {
    SemiSyncPlan plan =
        SemiSyncPlanner.plan(instances, Role.REPLICA, BOTH_PLUGINS, REPLICATING_WITHOUT_SEMI_SYNC);

    assertThat(plan)
        .isEqualTo(
            new SemiSyncPlan.Apply(
                List.of(
                    "SET GLOBAL rpl_semi_sync_source_enabled = OFF",
                    "SET GLOBAL rpl_semi_sync_replica_enabled = ON"),
                true));
  }

  @Test
  void replicaAlreadyAcknowledgingKeepsItsIoThreadRunning() {
    SemiSyncPlan plan =
        SemiSyncPlanner.plan(3, Role.REPLICA, BOTH_PLUGINS, new CurrentSemiSync(true, true));

    assertThat(plan)
        .isInstanceOfSatisfying(
            SemiSyncPlan.Apply.class, apply -> assertThat(apply.restartIoThread()).isFalse());
  }

  @Test
  void replicaWithStoppedIoThreadNeedsNoRestartBecauseTheNextStartReadsTheSetting() {
    SemiSyncPlan plan =
        SemiSyncPlanner.plan(3, Role.REPLICA, BOTH_PLUGINS, new CurrentSemiSync(false, false));

    assertThat(plan)
        .isInstanceOfSatisfying(
            SemiSyncPlan.Apply.class, apply -> assertThat(apply.restartIoThread()).isFalse());
  }

  @ParameterizedTest
  @CsvSource({"1, PRIMARY", "3, PRIMARY", "3, REPLICA", "5, PRIMARY", "5, REPLICA"})
  void missingPluginsAreReportedAndNothingIsIssued(int instances, Role role) {
    SemiSyncPlan plan =
        SemiSyncPlanner.plan(
            instances, role, Set.of("InnoDB", "binlog"), REPLICATING_WITHOUT_SEMI_SYNC);

    assertThat(plan)
        .isEqualTo(
            SemiSyncPlan.unavailable(
                "rpl_semi_sync_source plugin is not loaded;"
                    + " rpl_semi_sync_replica plugin is not loaded"));
  }

  @Test
  void oneMissingPluginIsNamedAlone() {
    SemiSyncPlan plan =
        SemiSyncPlanner.plan(3, Role.PRIMARY, Set.of("rpl_semi_sync_source"), CurrentSemiSync.NONE);

    assertThat(plan)
        .isEqualTo(SemiSyncPlan.unavailable("rpl_semi_sync_replica plugin is not loaded"));
  }

  @Test
  void pre8026PluginNamesCountAsMissingWithAMessageSayingSo() {
    SemiSyncPlan plan =
        SemiSyncPlanner.plan(
            3,
            Role.PRIMARY,
            Set.of("rpl_semi_sync_master", "rpl_semi_sync_slave"),
            CurrentSemiSync.NONE);

    assertThat(plan)
        .isEqualTo(
            SemiSyncPlan.unavailable(
                "rpl_semi_sync_source plugin is not loaded (only the pre-8.0.26"
                    + " rpl_semi_sync_master is, which moco4j does not use);"
                    + " rpl_semi_sync_replica plugin is not loaded (only the pre-8.0.26"
                    + " rpl_semi_sync_slave is, which moco4j does not use)"));
  }

  @Test
  void aSingleInstanceClusterHasNoReplica() {
    assertThatThrownBy(
            () -> SemiSyncPlanner.plan(1, Role.REPLICA, BOTH_PLUGINS, CurrentSemiSync.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settingsMatchingThePlanAreInPlaceAndAnyDifferenceIsNot() {
    long max = SemiSyncPlanner.NEVER_FALL_BACK_TO_ASYNC_MILLIS;
    var primaryOfFive = new SemiSyncSettings(true, 2, max, false, "AFTER_SYNC");

    assertThat(SemiSyncPlanner.isInPlace(5, Role.PRIMARY, primaryOfFive)).isTrue();
    assertThat(SemiSyncPlanner.isInPlace(3, Role.PRIMARY, primaryOfFive))
        .as("waits for 2 replicas where 1 is right")
        .isFalse();
    assertThat(
            SemiSyncPlanner.isInPlace(
                5, Role.PRIMARY, new SemiSyncSettings(true, 2, 10_000, false, "AFTER_SYNC")))
        .as("would fall back to async after 10 s")
        .isFalse();
    assertThat(SemiSyncPlanner.isInPlace(5, Role.REPLICA, primaryOfFive)).isFalse();
    assertThat(
            SemiSyncPlanner.isInPlace(
                5, Role.REPLICA, new SemiSyncSettings(false, 2, max, true, "AFTER_SYNC")))
        .isTrue();
    assertThat(
            SemiSyncPlanner.isInPlace(
                1, Role.PRIMARY, new SemiSyncSettings(false, 1, max, false, "AFTER_SYNC")))
        .isTrue();
  }

  @Test
  void primaryWaitingAfterCommitIsNotInPlaceBecauseAFailoverCouldLoseWhatOthersRead() {
    var afterCommit =
        new SemiSyncSettings(
            true, 1, SemiSyncPlanner.NEVER_FALL_BACK_TO_ASYNC_MILLIS, false, "AFTER_COMMIT");

    assertThat(SemiSyncPlanner.isInPlace(3, Role.PRIMARY, afterCommit)).isFalse();
    assertThat(SemiSyncPlanner.plan(3, Role.PRIMARY, BOTH_PLUGINS, CurrentSemiSync.NONE))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(SemiSyncPlan.Apply.class))
        .extracting(SemiSyncPlan.Apply::statements)
        .asList()
        .contains("SET GLOBAL rpl_semi_sync_source_wait_point = AFTER_SYNC");
  }

  /** Semi-sync cannot run on the test mysqld (no plugins): the plan is checked here instead. */
  @ParameterizedTest
  @CsvSource({"1", "3", "5"})
  void intermediatePrimaryNeitherWaitsForAcknowledgementsNorSendsThem(int instances) {
    SemiSyncPlan plan =
        SemiSyncPlanner.plan(
            instances, Role.INTERMEDIATE_PRIMARY, BOTH_PLUGINS, REPLICATING_WITHOUT_SEMI_SYNC);

    assertThat(plan)
        .isEqualTo(
            new SemiSyncPlan.Apply(
                List.of(
                    "SET GLOBAL rpl_semi_sync_source_enabled = OFF",
                    "SET GLOBAL rpl_semi_sync_replica_enabled = OFF"),
                false));
  }

  @Test
  void intermediatePrimaryIsInPlaceOnlyWithBothSidesOff() {
    long max = SemiSyncPlanner.NEVER_FALL_BACK_TO_ASYNC_MILLIS;
    Role role = Role.INTERMEDIATE_PRIMARY;

    assertThat(
            SemiSyncPlanner.isInPlace(
                3, role, new SemiSyncSettings(false, 1, max, false, "AFTER_SYNC")))
        .isTrue();
    assertThat(
            SemiSyncPlanner.isInPlace(
                3, role, new SemiSyncSettings(true, 1, max, false, "AFTER_SYNC")))
        .as("waiting for acknowledgements would stall the applier")
        .isFalse();
    assertThat(
            SemiSyncPlanner.isInPlace(
                3, role, new SemiSyncSettings(false, 1, max, true, "AFTER_SYNC")))
        .isFalse();
  }
}
