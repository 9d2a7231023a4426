package dev.moco4j.reconciler;

import dev.moco4j.service.EnvConfig;
import dev.moco4j.service.WatchedNamespaces;
import java.time.Duration;
import java.util.Map;

/**
 * The reconciler's settings.
 *
 * @param namespaces where to watch MySQLClusters: {@code MOCO4J_WATCH_NAMESPACES} (required; a
 *     comma-separated list, or {@code *} for all)
 * @param resyncPeriod how often every cluster is reconciled without a change event, so drift made
 *     behind the operator's back is repaired: {@code MOCO4J_RESYNC_PERIOD} (default 5m)
 */
public record ReconcilerConfig(WatchedNamespaces namespaces, Duration resyncPeriod) {

  public static final String RESYNC_PERIOD_ENV = "MOCO4J_RESYNC_PERIOD";
  static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofMinutes(5);

  /**
   * @throws dev.moco4j.service.ConfigException naming the variable that is missing or invalid
   */
  public static ReconcilerConfig fromEnv(Map<String, String> env) {
    EnvConfig config = EnvConfig.of(env);
    return new ReconcilerConfig(
        WatchedNamespaces.fromEnv(config),
        config.duration(RESYNC_PERIOD_ENV, DEFAULT_RESYNC_PERIOD));
  }
}
