package dev.moco4j.backup;

import dev.moco4j.service.EnvConfig;
import dev.moco4j.service.WatchedNamespaces;
import java.util.Map;

/**
 * The backup-service's settings.
 *
 * @param namespaces where to watch MySQLClusters and BackupPolicies: {@code
 *     MOCO4J_WATCH_NAMESPACES} (required; a comma-separated list, or {@code *} for all)
 * @param maxConcurrentBackups how many backups one worker runs at once; more work waits on the
 *     event bus for another worker: {@code MOCO4J_MAX_CONCURRENT_BACKUPS} (default 1)
 */
public record BackupServiceConfig(WatchedNamespaces namespaces, int maxConcurrentBackups) {

  public static final String MAX_CONCURRENT_BACKUPS_ENV = "MOCO4J_MAX_CONCURRENT_BACKUPS";
  static final int DEFAULT_MAX_CONCURRENT_BACKUPS = 1;

  /**
   * @throws dev.moco4j.service.ConfigException naming the variable that is missing or invalid
   */
  public static BackupServiceConfig fromEnv(Map<String, String> env) {
    EnvConfig config = EnvConfig.of(env);
    return new BackupServiceConfig(
        WatchedNamespaces.fromEnv(config),
        config.positiveInt(MAX_CONCURRENT_BACKUPS_ENV, DEFAULT_MAX_CONCURRENT_BACKUPS));
  }
}
