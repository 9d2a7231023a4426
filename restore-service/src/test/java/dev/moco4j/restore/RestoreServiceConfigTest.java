package dev.moco4j.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.service.ConfigException;
import dev.moco4j.service.WatchedNamespaces;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestoreServiceConfigTest {

  static RestoreServiceConfig config(WatchedNamespaces namespaces) {
    return new RestoreServiceConfig(namespaces, 1);
  }

  @Test
  void readsNamespacesAndConcurrency() {
    RestoreServiceConfig config =
        RestoreServiceConfig.fromEnv(
            Map.of("MOCO4J_WATCH_NAMESPACES", "shop", "MOCO4J_MAX_CONCURRENT_RESTORES", "2"));

    assertThat(config.namespaces()).isEqualTo(WatchedNamespaces.of(Set.of("shop")));
    assertThat(config.maxConcurrentRestores()).isEqualTo(2);
  }

  @Test
  void runsOneRestoreAtATimeByDefault() {
    assertThat(
            RestoreServiceConfig.fromEnv(Map.of("MOCO4J_WATCH_NAMESPACES", "*"))
                .maxConcurrentRestores())
        .isEqualTo(1);
  }

  @Test
  void missingNamespacesFailsNamingTheVariable() {
    assertThatThrownBy(() -> RestoreServiceConfig.fromEnv(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_WATCH_NAMESPACES is not set");
  }

  @Test
  void zeroConcurrencyFailsNamingTheVariable() {
    assertThatThrownBy(
            () ->
                RestoreServiceConfig.fromEnv(
                    Map.of("MOCO4J_WATCH_NAMESPACES", "*", "MOCO4J_MAX_CONCURRENT_RESTORES", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_MAX_CONCURRENT_RESTORES has the invalid value '0'");
  }
}
