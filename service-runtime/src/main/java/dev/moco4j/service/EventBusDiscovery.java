package dev.moco4j.service;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** How a member finds the other members of the clustered event bus. */
public sealed interface EventBusDiscovery {

  /**
   * A fixed list of members, for the local stack and tests.
   *
   * @param members {@code host:port} of each member's Hazelcast port
   */
  record MemberList(List<String> members) implements EventBusDiscovery {

    public MemberList {
      members = List.copyOf(members);
      if (members.isEmpty()) {
        throw new IllegalArgumentException("no members");
      }
    }

    /**
     * Reads a comma-separated list of {@code host[:port]}; a member without a port listens on
     * {@code defaultPort}. An IPv6 address with a port is written in brackets.
     *
     * @throws IllegalArgumentException for an entry that is not a host with an optional port
     */
    public static MemberList parse(String value, int defaultPort) {
      return new MemberList(
          Arrays.stream(value.split(","))
              .map(String::strip)
              .filter(entry -> !entry.isEmpty())
              .map(entry -> withPort(entry, defaultPort))
              .toList());
    }

    private static String withPort(String entry, int defaultPort) {
      URI uri = URI.create("tcp://" + entry); // IllegalArgumentException when not host[:port]
      if (uri.getHost() == null
          || !uri.getRawPath().isEmpty()
          || uri.getUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("not host[:port]: " + entry);
      }
      int port =
          uri.getPort() == -1 ? defaultPort : EnvConfig.parsePort(String.valueOf(uri.getPort()));
      return uri.getHost() + ":" + port;
    }
  }

  /**
   * The addresses behind a headless Kubernetes Service, looked up in DNS: no API-server access, so
   * no RBAC. The Service must publish not-ready addresses, or members could not find each other
   * before they are ready.
   *
   * @param service the Service's DNS name, e.g. {@code moco4j-eventbus.moco4j.svc.cluster.local}
   */
  record DnsLookup(String service) implements EventBusDiscovery {

    private static final Pattern DNS_NAME =
        Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    public DnsLookup {
      if (!DNS_NAME.matcher(service).matches()) {
        throw new IllegalArgumentException("not a DNS name: " + service);
      }
    }
  }
}
