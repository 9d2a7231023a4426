package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.service.EventBusDiscovery.DnsLookup;
import dev.moco4j.service.EventBusDiscovery.MemberList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventBusConfigTest {

  @TempDir Path tlsDir;

  @BeforeEach
  void writeTlsFiles() throws IOException {
    for (String file :
        List.of(EventBusTls.KEY_FILE, EventBusTls.CERTIFICATE_FILE, EventBusTls.CA_FILE)) {
      Files.writeString(tlsDir.resolve(file), "pem");
    }
  }

  @Test
  void withoutMembersOrDnsServiceTheEventBusStaysInTheProcess() {
    assertThat(EventBusConfig.fromEnv(EnvConfig.of(Map.of()))).isEmpty();
    assertThat(EventBusConfig.fromEnv(EnvConfig.of(Map.of(EventBusConfig.MEMBERS_ENV, " "))))
        .isEmpty();
  }

  @Test
  void memberListGivesEachMemberWithoutAPortTheMembershipPort() {
    EventBusConfig config =
        clustered(
            Map.of(
                EventBusConfig.MEMBERS_ENV, "10.0.0.5, backup-0:6000,,[fd00::1]",
                EventBusConfig.MEMBERSHIP_PORT_ENV, "5801"));

    assertThat(config.discovery())
        .isEqualTo(new MemberList(List.of("10.0.0.5:5801", "backup-0:6000", "[fd00::1]:5801")));
    assertThat(config.membershipPort()).isEqualTo(5801);
  }

  @Test
  void defaultsNameTheClusterAndFixBothPorts() {
    EventBusConfig config = clustered(Map.of(EventBusConfig.MEMBERS_ENV, "10.0.0.5"));

    assertThat(config.clusterName()).isEqualTo("moco4j");
    assertThat(config.membershipPort()).isEqualTo(EventBusConfig.DEFAULT_MEMBERSHIP_PORT);
    assertThat(config.eventBusPort()).isEqualTo(EventBusConfig.DEFAULT_EVENT_BUS_PORT);
    assertThat(config.host()).isEmpty();
    assertThat(config.tls())
        .isEqualTo(
            new EventBusTls(
                tlsDir.resolve("tls.key"), tlsDir.resolve("tls.crt"), tlsDir.resolve("ca.crt")));
  }

  @Test
  void dnsServiceSelectsTheHeadlessServiceLookup() {
    EventBusConfig config =
        clustered(
            Map.of(
                EventBusConfig.DNS_SERVICE_ENV, "moco4j-eventbus.moco4j.svc.cluster.local",
                EventBusConfig.HOST_ENV, "10.1.2.3",
                EventBusConfig.CLUSTER_NAME_ENV, "prod-a"));

    assertThat(config.discovery())
        .isEqualTo(new DnsLookup("moco4j-eventbus.moco4j.svc.cluster.local"));
    assertThat(config.host()).contains("10.1.2.3");
    assertThat(config.clusterName()).isEqualTo("prod-a");
  }

  @Test
  void refusesBothDiscoveriesAtOnce() {
    assertThatThrownBy(
            () ->
                clustered(
                    Map.of(
                        EventBusConfig.MEMBERS_ENV, "10.0.0.5",
                        EventBusConfig.DNS_SERVICE_ENV, "moco4j-eventbus")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("set only one of them");
  }

  @Test
  void refusesToClusterWithoutTls() {
    assertThatThrownBy(
            () ->
                EventBusConfig.fromEnv(
                    EnvConfig.of(Map.of(EventBusConfig.MEMBERS_ENV, "10.0.0.5"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(EventBusConfig.TLS_DIR_ENV + " is not set");
  }

  @Test
  void refusesATlsDirectoryWithAFileMissing() throws IOException {
    Files.delete(tlsDir.resolve(EventBusTls.CA_FILE));

    assertThatThrownBy(() -> clustered(Map.of(EventBusConfig.MEMBERS_ENV, "10.0.0.5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(EventBusConfig.TLS_DIR_ENV + " has the invalid value");
  }

  @Test
  void refusesInvalidMembersPortsDnsNamesAndClusterNames() {
    List<Map<String, String>> invalid =
        List.of(
            Map.of(EventBusConfig.MEMBERS_ENV, "10.0.0.5:70000"),
            Map.of(EventBusConfig.MEMBERS_ENV, "10.0.0.5/path"),
            Map.of(EventBusConfig.MEMBERS_ENV, "user@10.0.0.5"),
            Map.of(EventBusConfig.MEMBERS_ENV, "10.0.0.5?x"),
            Map.of(EventBusConfig.MEMBERS_ENV, ","),
            Map.of(EventBusConfig.MEMBERS_ENV, "a", EventBusConfig.PORT_ENV, "0"),
            Map.of(EventBusConfig.DNS_SERVICE_ENV, "Not_A_Name"),
            Map.of(EventBusConfig.MEMBERS_ENV, "a", EventBusConfig.CLUSTER_NAME_ENV, "Prod"));
    for (Map<String, String> env : invalid) {
      assertThatThrownBy(() -> clustered(env)).as("%s", env).isInstanceOf(ConfigException.class);
    }
  }

  private EventBusConfig clustered(Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(settings);
    env.put(EventBusConfig.TLS_DIR_ENV, tlsDir.toString());
    return EventBusConfig.fromEnv(EnvConfig.of(env)).orElseThrow();
  }
}
