package dev.moco4j.healthmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.healthmonitor.kube.InstanceAddressing;
import dev.moco4j.service.ConfigException;
import dev.moco4j.service.WatchedNamespaces;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthMonitorConfigTest {

  static HealthMonitorConfig config(WatchedNamespaces namespaces) {
    return HealthMonitorConfig.defaults(namespaces);
  }

  @Test
  void readsNamespacesAndCheckInterval() {
    HealthMonitorConfig config =
        HealthMonitorConfig.fromEnv(
            Map.of("MOCO4J_WATCH_NAMESPACES", "shop", "MOCO4J_CHECK_INTERVAL", "2s"));

    assertThat(config.namespaces()).isEqualTo(WatchedNamespaces.of(Set.of("shop")));
    assertThat(config.checkInterval()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void checksEverySecondByDefault() {
    assertThat(HealthMonitorConfig.fromEnv(Map.of("MOCO4J_WATCH_NAMESPACES", "*")).checkInterval())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void readsTheDetectionTimeoutsAndTheKubernetesPoolSize() {
    HealthMonitorConfig config =
        HealthMonitorConfig.fromEnv(
            Map.of(
                "MOCO4J_WATCH_NAMESPACES", "*",
                "MOCO4J_CONNECT_TIMEOUT", "500ms",
                "MOCO4J_READ_TIMEOUT", "3s",
                "MOCO4J_DOWN_AFTER", "20s",
                "MOCO4J_KUBE_THREADS", "4"));

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.downAfter()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.kubeThreads()).isEqualTo(4);
  }

  @Test
  void detectionDefaultsMatchTheEngines() {
    HealthMonitorConfig config =
        HealthMonitorConfig.fromEnv(Map.of("MOCO4J_WATCH_NAMESPACES", "*"));

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.downAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.kubeThreads()).isEqualTo(8);
    assertThat(config.addressing()).isEqualTo(InstanceAddressing.DNS);
  }

  @Test
  void podIpAddressingIsChosenByItsVariableAndAnUnknownValueIsNamed() {
    assertThat(
            HealthMonitorConfig.fromEnv(
                    Map.of("MOCO4J_WATCH_NAMESPACES", "*", "MOCO4J_INSTANCE_ADDRESS", "pod-ip"))
                .addressing())
        .isEqualTo(InstanceAddressing.POD_IP);
    assertThatThrownBy(
            () ->
                HealthMonitorConfig.fromEnv(
                    Map.of("MOCO4J_WATCH_NAMESPACES", "*", "MOCO4J_INSTANCE_ADDRESS", "ip")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_INSTANCE_ADDRESS");
  }

  @Test
  void missingNamespacesFailsNamingTheVariable() {
    assertThatThrownBy(() -> HealthMonitorConfig.fromEnv(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_WATCH_NAMESPACES is not set");
  }

  @Test
  void zeroCheckIntervalFailsNamingTheVariable() {
    assertThatThrownBy(
            () ->
                HealthMonitorConfig.fromEnv(
                    Map.of("MOCO4J_WATCH_NAMESPACES", "*", "MOCO4J_CHECK_INTERVAL", "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOCO4J_CHECK_INTERVAL has the invalid value '0s'");
  }
}
