package dev.moco4j.service;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import dev.moco4j.service.EventBusDiscovery.DnsLookup;
import dev.moco4j.service.EventBusDiscovery.MemberList;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * The Hazelcast configuration of an event bus member: Vert.x's own maps, one discovery mechanism,
 * nothing sent outside the cluster.
 *
 * <p>Hazelcast's open-source edition neither authenticates members nor encrypts their traffic, so
 * whoever reaches the membership port can join and read the maps. Vert.x keeps only membership and
 * the subscription map there (which member consumes which address, at which host and port); moco4j
 * must never put anything secret into a Hazelcast map. Messages themselves travel on the event
 * bus's own port under mutual TLS. A NetworkPolicy must admit only moco4j pods to both ports.
 */
final class HazelcastSettings {

  // Hazelcast's name for the property that fixes the address the member binds and announces.
  private static final String LOCAL_ADDRESS = "hazelcast.local.localAddress";

  private HazelcastSettings() {}

  static Config of(EventBusConfig eventBus) {
    // Starts from Vert.x's default-cluster.xml, which configures the maps Vert.x relies on.
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(eventBus.clusterName());
    config.setProperty(ClusterProperty.PHONE_HOME_ENABLED.getName(), "false");
    config.setProperty(ClusterProperty.LOGGING_TYPE.getName(), "slf4j");
    // Vert.x leaves the cluster when it closes, after its verticles stopped; Hazelcast's own hook
    // would leave first, while verticles may still be sending.
    config.setProperty(ClusterProperty.SHUTDOWNHOOK_ENABLED.getName(), "false");
    eventBus.host().ifPresent(host -> config.setProperty(LOCAL_ADDRESS, host));

    NetworkConfig network = config.getNetworkConfig();
    // A fixed port, so the NetworkPolicy and the member list can name it.
    network.setPort(eventBus.membershipPort()).setPortAutoIncrement(false);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    switch (eventBus.discovery()) {
      case MemberList list -> join.getTcpIpConfig().setEnabled(true).setMembers(list.members());
      case DnsLookup dns ->
          join.getKubernetesConfig()
              .setEnabled(true)
              .setProperty("service-dns", dns.service())
              .setProperty("service-port", String.valueOf(eventBus.membershipPort()));
    }
    return config;
  }
}
