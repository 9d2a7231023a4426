package dev.moco4j.restore;

import dev.moco4j.service.EnvConfig;
import dev.moco4j.service.WatchedNamespaces;
import java.util.Map;

/**
 * The restore-service's settings.
 *
 * @param namespaces where to watch MySQLClusters with {@code spec.restore}: {@code
 *     MOCO4J_WATCH_NAMESPACES} (required; a comma-separated list, or {@code *} for all)
 * @param maxConcurrentRestores how many restores this instance runs at once: {@code
 *     MOCO4J_MAX_CONCURRENT_RESTORES} (default 1)
 */
public record RestoreServiceConfig(WatchedNamespaces namespaces, int maxConcurrentRestores) {

  public static final String MAX_CONCURRENT_RESTORES_ENV = "MOCO4J_MAX_CONCURRENT_RESTORES";
  static final int DEFAULT_MAX_CONCURRENT_RESTORES = 1;

  /**
   * @throws dev.moco4j.service.ConfigException naming the variable that is missing or invalid
   */
  public static RestoreServiceConfig fromEnv(Map<String, String> env) {
    EnvConfig config = EnvConfig.of(env);
    return new RestoreServiceConfig(
        WatchedNamespaces.fromEnv(config),
        config.positiveInt(MAX_CONCURRENT_RESTORES_ENV, DEFAULT_MAX_CONCURRENT_RESTORES));
  }
}
