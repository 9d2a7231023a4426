package dev.moco4j.service;

import dev.moco4j.service.EventBusDiscovery.DnsLookup;
import dev.moco4j.service.EventBusDiscovery.MemberList;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a service joins the clustered event bus, read from the {@code MOCO4J_EVENTBUS_*} variables.
 *
 * @param clusterName members join only a cluster of the same name
 * @param discovery how members find each other
 * @param host the address this member binds and announces; when empty, Hazelcast picks one of the
 *     host's addresses (the pod IP in Kubernetes)
 * @param membershipPort Hazelcast's member port: membership and the subscription map
 * @param eventBusPort the event bus's own port, where messages travel over mutual TLS
 * @param tls this member's key and certificate, and the CA of all members
 */
public record EventBusConfig(
    String clusterName,
    EventBusDiscovery discovery,
    Optional<String> host,
    int membershipPort,
    int eventBusPort,
    EventBusTls tls) {

  public static final String MEMBERS_ENV = "MOCO4J_EVENTBUS_MEMBERS";
  public static final String DNS_SERVICE_ENV = "MOCO4J_EVENTBUS_DNS_SERVICE";
  public static final String CLUSTER_NAME_ENV = "MOCO4J_EVENTBUS_CLUSTER_NAME";
  public static final String HOST_ENV = "MOCO4J_EVENTBUS_HOST";
  public static final String MEMBERSHIP_PORT_ENV = "MOCO4J_EVENTBUS_MEMBERSHIP_PORT";
  public static final String PORT_ENV = "MOCO4J_EVENTBUS_PORT";
  public static final String TLS_DIR_ENV = "MOCO4J_EVENTBUS_TLS_DIR";

  public static final String DEFAULT_CLUSTER_NAME = "moco4j";
  public static final int DEFAULT_MEMBERSHIP_PORT = 5701;
  public static final int DEFAULT_EVENT_BUS_PORT = 5702;

  private static final Pattern CLUSTER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public EventBusConfig {
    Objects.requireNonNull(discovery);
    Objects.requireNonNull(host);
    Objects.requireNonNull(tls);
    requireClusterName(clusterName);
  }

  /**
   * The clustered event bus settings, or empty when neither {@value #MEMBERS_ENV} nor {@value
   * #DNS_SERVICE_ENV} is set: then the service runs with an event bus local to its process.
   * Clustering without TLS is refused: Hazelcast's open-source edition authenticates nobody, so the
   * event bus's mutual TLS is what keeps a stranger from sending or receiving messages.
   */
  public static Optional<EventBusConfig> fromEnv(EnvConfig env) {
    Optional<String> members = env.optional(MEMBERS_ENV);
    Optional<String> dnsService = env.optional(DNS_SERVICE_ENV);
    if (members.isEmpty() && dnsService.isEmpty()) {
      return Optional.empty();
    }
    if (members.isPresent() && dnsService.isPresent()) {
      throw new ConfigException(
          MEMBERS_ENV,
          MEMBERS_ENV + " and " + DNS_SERVICE_ENV + " are both set: set only one of them");
    }
    int membershipPort = env.port(MEMBERSHIP_PORT_ENV, DEFAULT_MEMBERSHIP_PORT);
    EventBusDiscovery discovery =
        members.isPresent()
            ? env.required(
                MEMBERS_ENV,
                value -> MemberList.parse(value, membershipPort),
                "a comma-separated list of host[:port], e.g. 10.0.0.5,10.0.0.6:5701")
            : env.required(
                DNS_SERVICE_ENV,
                DnsLookup::new,
                "the DNS name of the event bus's headless Service, e.g."
                    + " moco4j-eventbus.moco4j.svc.cluster.local");
    return Optional.of(
        new EventBusConfig(
            env.optional(
                CLUSTER_NAME_ENV,
                EventBusConfig::requireClusterName,
                DEFAULT_CLUSTER_NAME,
                "a lower-case DNS label such as moco4j"),
            discovery,
            env.optional(HOST_ENV),
            membershipPort,
            env.port(PORT_ENV, DEFAULT_EVENT_BUS_PORT),
            env.required(
                TLS_DIR_ENV,
                dir -> EventBusTls.inDirectory(Path.of(dir)),
                "a directory holding tls.key, tls.crt and ca.crt (PEM) of the event bus")));
  }

  private static String requireClusterName(String name) {
    if (!CLUSTER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a cluster name: " + name);
    }
    return name;
  }
}
