package dev.moco4j.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestoreSpecTest {

  @Test
  void restorePointInstantReadsUtcTimes() {
    assertThat(at("2026-01-02T15:04:05Z").restorePointInstant())
        .isEqualTo(Instant.parse("2026-01-02T15:04:05Z"));
  }

  @Test
  void restorePointInstantAppliesTheOffset() {
    assertThat(at("2026-01-03T00:04:05.250+09:00").restorePointInstant())
        .isEqualTo(Instant.parse("2026-01-02T15:04:05.250Z"));
  }

  @Test
  void restorePointInstantAcceptsLowercaseSeparatorsAsRfc3339Does() {
    assertThat(at("2026-01-02t15:04:05z").restorePointInstant())
        .isEqualTo(Instant.parse("2026-01-02T15:04:05Z"));
  }

  @Test
  void restorePointInstantRejectsTimesWithoutOffset() {
    assertThatThrownBy(() -> at("2026-01-02T15:04:05").restorePointInstant())
        .isInstanceOf(DateTimeException.class);
  }

  private static RestoreSpec at(String restorePoint) {
    return new RestoreSpec("source", "default", restorePoint, BucketConfig.of("backups"));
  }
}
