package dev.moco4j.healthmonitor;

import dev.moco4j.service.EnvConfig;
import dev.moco4j.service.WatchedNamespaces;
import java.time.Duration;
import java.util.Map;

/**
 * The health-monitor's settings.
 *
 * @param namespaces where to watch MySQLClusters: {@code MOCO4J_WATCH_NAMESPACES} (required; a
 *     comma-separated list, or {@code *} for all)
 * @param checkInterval how often each cluster's facts are gathered and its next operation decided;
 *     it bounds how long a dead primary goes unnoticed: {@code MOCO4J_CHECK_INTERVAL} (default 5s)
 */
public record HealthMonitorConfig(WatchedNamespaces namespaces, Duration checkInterval) {

  public static final String CHECK_INTERVAL_ENV = "MOCO4J_CHECK_INTERVAL";
  static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(5);

  /**
   * @throws dev.moco4j.service.ConfigException naming the variable that is missing or invalid
   */
  public static HealthMonitorConfig fromEnv(Map<String, String> env) {
    EnvConfig config = EnvConfig.of(env);
    return new HealthMonitorConfig(
        WatchedNamespaces.fromEnv(config),
        config.duration(CHECK_INTERVAL_ENV, DEFAULT_CHECK_INTERVAL));
  }
}
