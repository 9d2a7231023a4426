package dev.moco4j.mysql.seed.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The test mysqld has no clone plugin, so a real CLONE INSTANCE cannot run here: the decision is
 * checked against {@code performance_schema.clone_status} rows as the server returns them.
 */
class CloneVerdictTest {

  private static final String GTIDS = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-100";

  @Test
  void completedWithoutErrorIsTheOnlySuccess() {
    var completed = CloneStatus.of("Completed", "db-0:3306", 0, "", "binlog.000003", 1234, GTIDS);

    assertThat(CloneVerdict.failure(Optional.of(completed))).isEmpty();
  }

  @Test
  void aStatusStillInProgressAfterTheDroppedConnectionIsNoSuccess() {
    var restarting = CloneStatus.of("In Progress", "db-0:3306", 0, "", null, 0, null);

    assertThat(CloneVerdict.failure(Optional.of(restarting)))
        .hasValueSatisfying(why -> assertThat(why).contains("IN_PROGRESS"));
  }

  @Test
  void aFailedCloneIsReportedWithItsError() {
    var failed =
        CloneStatus.of(
            "Failed", "db-0:3306", 3862, "Clone Donor Error: 1045 : Access denied", null, 0, null);

    assertThat(CloneVerdict.failure(Optional.of(failed)))
        .hasValueSatisfying(why -> assertThat(why).contains("3862", "Access denied"));
  }

  @Test
  void completedWithAnErrorNumberIsNoSuccess() {
    var completedWithError =
        CloneStatus.of(
            "Completed", "db-0:3306", 1158, "Got an error reading packets", null, 0, null);

    assertThat(completedWithError.isCompleted()).isFalse();
    assertThat(CloneVerdict.failure(Optional.of(completedWithError))).isPresent();
  }

  @Test
  void noStatusAtAllIsNoSuccess() {
    assertThat(CloneVerdict.failure(Optional.empty()))
        .hasValueSatisfying(why -> assertThat(why).contains("never started"));
  }
}
