package dev.moco4j.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupIdTest {

  @Test
  void isTheStartSecondInUtc() {
    BackupId id = BackupId.of(Instant.parse("2026-03-04T05:06:07.891Z"));

    assertThat(id).hasToString("20260304-050607");
    assertThat(BackupId.parse("20260304-050607").startedAt())
        .isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2026-03-04", "20260304050607", "20260230-000000", "20260304-240000"})
  void refusesTextThatIsNotAnId(String text) {
    assertThatThrownBy(() -> BackupId.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textOrderIsTimeOrder() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int run = 0; run < 2_000; run++) {
      Instant a = Instant.ofEpochSecond(random.nextLong(32_503_680_000L));
      Instant b = Instant.ofEpochSecond(random.nextLong(32_503_680_000L));
      String textA = BackupId.of(a).toString();
      String textB = BackupId.of(b).toString();

      assertThat(Integer.signum(textA.compareTo(textB)))
          .as("seed %d: %s vs %s", seed, a, b)
          .isEqualTo(Integer.signum(a.compareTo(b)));
      assertThat(BackupId.parse(textA).startedAt()).as("seed %d", seed).isEqualTo(a);
    }
  }
}
