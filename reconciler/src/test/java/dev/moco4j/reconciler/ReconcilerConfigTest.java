package dev.moco4j.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.service.ConfigException;
import dev.moco4j.service.WatchedNamespaces;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerConfigTest {

  static ReconcilerConfig config(WatchedNamespaces namespaces) {
    return new ReconcilerConfig(namespaces, Duration.ofMinutes(1));
  }

  @Test
  void readsNamespacesAndResyncPeriod() {
    ReconcilerConfig config =
        ReconcilerConfig.fromEnv(
            Map.of("MOCO4J_WATCH_NAMESPACES", "shop,billing", "MOCO4J_RESYNC_PERIOD", "90s"));

    assertThat(config.namespaces()).isEqualTo(WatchedNamespaces.of(Set.of("shop", "billing")));
    assertThat(config.resyncPeriod()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void resyncsEveryFiveMinutesByDefault() {
    ReconcilerConfig config = ReconcilerConfig.fromEnv(Map.of("MOCO4J_WATCH_NAMESPACES", "*"));

    assertThat(config.namespaces().all()).isTrue();
    assertThat(config.resyncPeriod()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void missingNamespacesFailsNamingTheVariable() {
    assertThatThrownBy(() -> ReconcilerConfig.fromEnv(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_WATCH_NAMESPACES is not set");
  }

  @Test
  void invalidResyncPeriodFailsNamingTheVariable() {
    assertThatThrownBy(
            () ->
                ReconcilerConfig.fromEnv(
                    Map.of("MOCO4J_WATCH_NAMESPACES", "*", "MOCO4J_RESYNC_PERIOD", "often")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_RESYNC_PERIOD has the invalid value 'often'");
  }
}
