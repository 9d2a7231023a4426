package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import dev.moco4j.service.EventBusDiscovery.DnsLookup;
import dev.moco4j.service.EventBusDiscovery.MemberList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HazelcastSettingsTest {

  private static final EventBusTls TLS =
      new EventBusTls(Path.of("tls.key"), Path.of("tls.crt"), Path.of("ca.crt"));

  @Test
  void memberListJoinsOverTcpOnlyAndNeverCallsHome() {
    Config config =
        HazelcastSettings.of(
            new EventBusConfig(
                "prod-a",
                new MemberList(List.of("10.0.0.5:5701", "10.0.0.6:5701")),
                Optional.of("10.0.0.5"),
                5701,
                5702,
                TLS));

    JoinConfig join = config.getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers())
        .containsExactly("10.0.0.5:5701", "10.0.0.6:5701");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.local.localAddress")).isEqualTo("10.0.0.5");
    assertThat(config.getClusterName()).isEqualTo("prod-a");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5701);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
  }

  @Test
  void dnsLookupJoinsThroughTheHeadlessServiceOnTheMembershipPort() {
    Config config =
        HazelcastSettings.of(
            new EventBusConfig(
                "moco4j",
                new DnsLookup("moco4j-eventbus.moco4j.svc.cluster.local"),
                Optional.empty(),
                5801,
                5802,
                TLS));

    JoinConfig join = config.getNetworkConfig().getJoin();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperties())
        .containsEntry("service-dns", "moco4j-eventbus.moco4j.svc.cluster.local")
        .containsEntry("service-port", "5801");
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.local.localAddress")).isNull();
  }

  @Test
  void keepsTheMapsVertxRelieson() {
    Config config =
        HazelcastSettings.of(
            new EventBusConfig(
                "moco4j", new MemberList(List.of("a:1")), Optional.empty(), 5701, 5702, TLS));

    assertThat(config.getMultiMapConfigs()).containsKey("__vertx.subs");
    assertThat(config.getMapConfigs()).containsKeys("__vertx.haInfo", "__vertx.nodeInfo");
  }
}
