package dev.moco4j.reconciler;

import dev.moco4j.service.EnvConfig;
import dev.moco4j.service.WatchedNamespaces;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reconciler's settings.
 *
 * @param namespaces where to watch MySQLClusters: {@code MOCO4J_WATCH_NAMESPACES} (required; a
 *     comma-separated list, or {@code *} for all)
 * @param resyncPeriod how often every cluster is reconciled without a change event, so drift made
 *     behind the operator's back is repaired: {@code MOCO4J_RESYNC_PERIOD} (default 5m)
 * @param leaseNamespace where the replicas' leader-election Lease lives: {@code
 *     MOCO4J_LEASE_NAMESPACE}; empty means the namespace the Kubernetes client runs in
 * @param identity this replica's name in the Lease: {@code MOCO4J_POD_NAME}, else {@code HOSTNAME},
 *     else a random one
 * @param kubeThreads the size of the pool fabric8 calls block on: {@code MOCO4J_KUBE_THREADS}
 *     (default 8)
 */
public record ReconcilerConfig(
    WatchedNamespaces namespaces,
    Duration resyncPeriod,
    Optional<String> leaseNamespace,
    String identity,
    int kubeThreads) {

  public static final String RESYNC_PERIOD_ENV = "MOCO4J_RESYNC_PERIOD";
  public static final String LEASE_NAMESPACE_ENV = "MOCO4J_LEASE_NAMESPACE";
  public static final String POD_NAME_ENV = "MOCO4J_POD_NAME";
  public static final String KUBE_THREADS_ENV = "MOCO4J_KUBE_THREADS";
  static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofMinutes(5);
  static final int DEFAULT_KUBE_THREADS = 8;

  /**
   * @throws dev.moco4j.service.ConfigException naming the variable that is missing or invalid
   */
  public static ReconcilerConfig fromEnv(Map<String, String> env) {
    EnvConfig config = EnvConfig.of(env);
    return new ReconcilerConfig(
        WatchedNamespaces.fromEnv(config),
        config.duration(RESYNC_PERIOD_ENV, DEFAULT_RESYNC_PERIOD),
        config.optional(LEASE_NAMESPACE_ENV),
        config
            .optional(POD_NAME_ENV)
            .or(() -> config.optional("HOSTNAME"))
            .orElseGet(() -> "reconciler-" + UUID.randomUUID()),
        config.positiveInt(KUBE_THREADS_ENV, DEFAULT_KUBE_THREADS));
  }
}
