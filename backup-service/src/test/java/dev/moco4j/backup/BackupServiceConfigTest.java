package dev.moco4j.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.service.ConfigException;
import dev.moco4j.service.WatchedNamespaces;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupServiceConfigTest {

  static BackupServiceConfig config(WatchedNamespaces namespaces) {
    return new BackupServiceConfig(namespaces, 1);
  }

  @Test
  void readsNamespacesAndConcurrency() {
    BackupServiceConfig config =
        BackupServiceConfig.fromEnv(
            Map.of("MOCO4J_WATCH_NAMESPACES", "shop", "MOCO4J_MAX_CONCURRENT_BACKUPS", "3"));

    assertThat(config.namespaces()).isEqualTo(WatchedNamespaces.of(Set.of("shop")));
    assertThat(config.maxConcurrentBackups()).isEqualTo(3);
  }

  @Test
  void runsOneBackupAtATimeByDefault() {
    assertThat(
            BackupServiceConfig.fromEnv(Map.of("MOCO4J_WATCH_NAMESPACES", "*"))
                .maxConcurrentBackups())
        .isEqualTo(1);
  }

  @Test
  void missingNamespacesFailsNamingTheVariable() {
    assertThatThrownBy(() -> BackupServiceConfig.fromEnv(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_WATCH_NAMESPACES is not set");
  }

  @Test
  void nonNumericConcurrencyFailsNamingTheVariable() {
    assertThatThrownBy(
            () ->
                BackupServiceConfig.fromEnv(
                    Map.of("MOCO4J_WATCH_NAMESPACES", "*", "MOCO4J_MAX_CONCURRENT_BACKUPS", "two")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_MAX_CONCURRENT_BACKUPS has the invalid value 'two'");
  }
}
