package dev.moco4j.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.service.ConfigException;
import dev.moco4j.service.WatchedNamespaces;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerConfigTest {

  static ReconcilerConfig config(WatchedNamespaces namespaces) {
    return new ReconcilerConfig(
        namespaces, Duration.ofMinutes(1), Optional.of("default"), "test", 2);
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
    assertThat(config.leaseNamespace()).isEmpty();
    assertThat(config.kubeThreads()).isEqualTo(8);
  }

  @Test
  void identityIsThePodNameThenTheHostName() {
    assertThat(
            ReconcilerConfig.fromEnv(
                    Map.of(
                        "MOCO4J_WATCH_NAMESPACES", "*",
                        "MOCO4J_POD_NAME", "reconciler-7f9",
                        "HOSTNAME", "host"))
                .identity())
        .isEqualTo("reconciler-7f9");
    assertThat(
            ReconcilerConfig.fromEnv(Map.of("MOCO4J_WATCH_NAMESPACES", "*", "HOSTNAME", "host"))
                .identity())
        .isEqualTo("host");
  }

  @Test
  void readsTheLeaseNamespace() {
    assertThat(
            ReconcilerConfig.fromEnv(
                    Map.of("MOCO4J_WATCH_NAMESPACES", "*", "MOCO4J_LEASE_NAMESPACE", "moco4j"))
                .leaseNamespace())
        .contains("moco4j");
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
