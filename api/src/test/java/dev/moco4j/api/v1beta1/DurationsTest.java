package dev.moco4j.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @Test
  void parsesEachUnitAndTheirSum() {
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(Durations.parse("1d2h3m4s"))
        .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "m", "5x", "1m2h", "1.5h", "-5m", "5 m"})
  void rejectsWhatTheSchemaPatternRejects(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    assertThat(text.matches(Durations.PATTERN) && !text.isEmpty()).isFalse();
  }

  @Test
  void binlogArchivingIsOffEveryFiveMinutesUnlessSet() {
    var unset = new BinlogArchiving(null, null);
    assertThat(unset.on()).isFalse();
    assertThat(unset.intervalDuration()).isEqualTo(Duration.ofMinutes(5));

    var set = new BinlogArchiving(true, "30s");
    assertThat(set.on()).isTrue();
    assertThat(set.intervalDuration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void retentionMaxAgeIsOptional() {
    assertThat(new RetentionPolicy(7, null).maxAgeDuration()).isEmpty();
    assertThat(new RetentionPolicy(null, "30d").maxAgeDuration()).contains(Duration.ofDays(30));
  }

  @Test
  void notZeroRuleMatchesExactlyTheDurationsOfAtLeastOneSecond() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Pattern notZero = Pattern.compile(Durations.NOT_ZERO);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder text = new StringBuilder();
      long seconds = 0;
      long[] unitSeconds = {86_400, 3_600, 60, 1};
      String units = "dhms";
      for (int u = 0; u < 4; u++) {
        if (random.nextBoolean()) {
          int value = random.nextInt(4) == 0 ? 0 : random.nextInt(100);
          text.append("0".repeat(random.nextInt(3))).append(value).append(units.charAt(u));
          seconds += value * unitSeconds[u];
        }
      }
      if (text.isEmpty()) {
        continue;
      }
      assertThat(notZero.matcher(text).find())
          .as("seed %d, duration %s", seed, text)
          .isEqualTo(seconds >= 1);
    }
  }
}
