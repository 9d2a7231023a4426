package dev.moco4j.healthmonitor;

import dev.moco4j.healthmonitor.kube.InstanceAddressing;
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
 *     it bounds how long a dead primary goes unnoticed: {@code MOCO4J_CHECK_INTERVAL} (default 1s)
 * @param connectTimeout bound on opening a connection to mysqld, so a dead process is detected this
 *     fast: {@code MOCO4J_CONNECT_TIMEOUT} (default 2s)
 * @param readTimeout bound on one statement's answer, so a hung mysqld is detected this fast:
 *     {@code MOCO4J_READ_TIMEOUT} (default 5s)
 * @param downAfter how long an instance stays unreachable before it counts as down (and a primary
 *     is failed over): {@code MOCO4J_DOWN_AFTER} (default 10s)
 * @param kubeThreads how many Kubernetes API calls run at once: {@code MOCO4J_KUBE_THREADS}
 *     (default 8)
 * @param addressing how instances are addressed: {@code MOCO4J_INSTANCE_ADDRESS}, {@code dns}
 *     (default: the pods' stable names under the headless Service) or {@code pod-ip} (where there
 *     is no cluster DNS, as on the local stack)
 */
public record HealthMonitorConfig(
    WatchedNamespaces namespaces,
    Duration checkInterval,
    Duration connectTimeout,
    Duration readTimeout,
    Duration downAfter,
    int kubeThreads,
    InstanceAddressing addressing) {

  public static final String CHECK_INTERVAL_ENV = "MOCO4J_CHECK_INTERVAL";
  public static final String CONNECT_TIMEOUT_ENV = "MOCO4J_CONNECT_TIMEOUT";
  public static final String READ_TIMEOUT_ENV = "MOCO4J_READ_TIMEOUT";
  public static final String DOWN_AFTER_ENV = "MOCO4J_DOWN_AFTER";
  public static final String KUBE_THREADS_ENV = "MOCO4J_KUBE_THREADS";
  public static final String INSTANCE_ADDRESS_ENV = "MOCO4J_INSTANCE_ADDRESS";

  static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_DOWN_AFTER = Duration.ofSeconds(10);
  static final int DEFAULT_KUBE_THREADS = 8;

  /**
   * @throws dev.moco4j.service.ConfigException naming the variable that is missing or invalid
   */
  public static HealthMonitorConfig fromEnv(Map<String, String> env) {
    EnvConfig config = EnvConfig.of(env);
    return new HealthMonitorConfig(
        WatchedNamespaces.fromEnv(config),
        config.duration(CHECK_INTERVAL_ENV, DEFAULT_CHECK_INTERVAL),
        config.duration(CONNECT_TIMEOUT_ENV, DEFAULT_CONNECT_TIMEOUT),
        config.duration(READ_TIMEOUT_ENV, DEFAULT_READ_TIMEOUT),
        config.duration(DOWN_AFTER_ENV, DEFAULT_DOWN_AFTER),
        config.positiveInt(KUBE_THREADS_ENV, DEFAULT_KUBE_THREADS),
        config.optional(
            INSTANCE_ADDRESS_ENV,
            InstanceAddressing::parse,
            InstanceAddressing.DNS,
            "dns or pod-ip"));
  }

  /** The defaults, watching {@code namespaces}: for tests and embedding. */
  public static HealthMonitorConfig defaults(WatchedNamespaces namespaces) {
    return new HealthMonitorConfig(
        namespaces,
        DEFAULT_CHECK_INTERVAL,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_DOWN_AFTER,
        DEFAULT_KUBE_THREADS,
        InstanceAddressing.DNS);
  }

  public HealthMonitorConfig withTiming(Duration checkInterval, Duration downAfter) {
    return new HealthMonitorConfig(
        namespaces, checkInterval, connectTimeout, readTimeout, downAfter, kubeThreads, addressing);
  }

  public HealthMonitorConfig withAddressing(InstanceAddressing addressing) {
    return new HealthMonitorConfig(
        namespaces, checkInterval, connectTimeout, readTimeout, downAfter, kubeThreads, addressing);
  }
}
