package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvConfigTest {

  @Test
  void missingRequiredVariableFailsNamingItAndTheFix() {
    EnvConfig env = EnvConfig.of(Map.of());

    assertThatThrownBy(() -> env.required("MOCO4J_THING", "the thing's name"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("MOCO4J_THING is not set: set it to the thing's name")
        .extracting(e -> ((ConfigException) e).variable())
        .isEqualTo("MOCO4J_THING");
  }

  @Test
  void blankValueCountsAsUnset() {
    EnvConfig env = EnvConfig.of(Map.of("MOCO4J_THING", "  "));

    assertThat(env.optional("MOCO4J_THING")).isEmpty();
    assertThatThrownBy(() -> env.required("MOCO4J_THING", "x"))
        .hasMessageContaining("MOCO4J_THING is not set");
  }

  @Test
  void readsDurationsInShortAndIsoForms() {
    EnvConfig env =
        EnvConfig.of(Map.of("A", "500ms", "B", "30s", "C", "5m", "D", "2h", "E", "PT1M30S"));

    assertThat(env.duration("A", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
    assertThat(env.duration("B", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    assertThat(env.duration("C", Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
    assertThat(env.duration("D", Duration.ZERO)).isEqualTo(Duration.ofHours(2));
    assertThat(env.duration("E", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
    assertThat(env.duration("UNSET", Duration.ofDays(1))).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void invalidValueFailsNamingTheVariableTheValueAndTheFix() {
    EnvConfig env = EnvConfig.of(Map.of("MOCO4J_RESYNC_PERIOD", "soon", "MOCO4J_N", "0"));

    assertThatThrownBy(() -> env.duration("MOCO4J_RESYNC_PERIOD", Duration.ofMinutes(5)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("MOCO4J_RESYNC_PERIOD has the invalid value 'soon': set it to")
        .hasMessageContaining("30s");
    assertThatThrownBy(() -> env.positiveInt("MOCO4J_N", 1))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_N has the invalid value '0'");
  }

  @Test
  void rejectsDurationsThatAreNotPositive() {
    EnvConfig env = EnvConfig.of(Map.of("A", "0s", "B", "-PT1S"));

    assertThatThrownBy(() -> env.duration("A", Duration.ofSeconds(1)))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> env.duration("B", Duration.ofSeconds(1)))
        .isInstanceOf(ConfigException.class);
  }
}
