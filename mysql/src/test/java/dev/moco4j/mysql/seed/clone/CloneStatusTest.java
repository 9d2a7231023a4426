package dev.moco4j.mysql.seed.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.mysql.gtid.GtidSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloneStatusTest {

  private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

  @ParameterizedTest
  @CsvSource({
    "Not Started, NOT_STARTED",
    "In Progress, IN_PROGRESS",
    "Completed, COMPLETED",
    "Failed, FAILED"
  })
  void statesAreParsedFromTheServersSpelling(String value, CloneState state) {
    assertThat(CloneState.parse(value)).isEqualTo(state);
  }

  @Test
  void unknownStateIsAnError() {
    assertThatThrownBy(() -> CloneState.parse("Paused"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Paused");
  }

  @Test
  void completedCloneCarriesTheDonorsGtidSet() {
    CloneStatus status =
        CloneStatus.of("Completed", "db-0:3306", 0, null, "binlog.000003", 1234, UUID + ":1-100");

    assertThat(status.isCompleted()).isTrue();
    assertThat(status.isFailed()).isFalse();
    assertThat(status.gtidExecuted()).isEqualTo(GtidSet.of(UUID, 1, 100));
    assertThat(status.binlogFile()).isEqualTo("binlog.000003");
    assertThat(status.binlogPosition()).isEqualTo(1234);
    assertThat(status.errorMessage()).isEmpty();
  }

  @Test
  void failedCloneCarriesTheError() {
    CloneStatus status =
        CloneStatus.of(
            "Failed", "db-0:3306", 3862, "Clone Donor Error: 1045 : Access denied", null, 0, null);

    assertThat(status.isFailed()).isTrue();
    assertThat(status.errorNumber()).isEqualTo(3862);
    assertThat(status.errorMessage()).contains("Access denied");
    assertThat(status.gtidExecuted()).isEqualTo(GtidSet.EMPTY);
  }
}
