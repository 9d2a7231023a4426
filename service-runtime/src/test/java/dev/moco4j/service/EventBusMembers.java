package dev.moco4j.service;

import com.hazelcast.core.Hazelcast;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Clustered Vert.x members in this JVM on loopback, started the way a service starts (through
 * {@link ServiceLauncher}, so the message codecs are registered), found through a TCP member list.
 * {@link #close} stops every member it started, and any Hazelcast instance left behind.
 */
final class EventBusMembers implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ServiceLauncher launcher =
      ServiceLauncher.forService("event-bus-member")
          .withStartTimeout(TIMEOUT)
          .withShutdownTimeout(TIMEOUT);
  private final List<Integer> listedPorts;
  private final List<Vertx> started = new ArrayList<>();

  /** Members that will be listed in every member's list, on free ports picked now. */
  EventBusMembers(int listed) {
    listedPorts = IntStream.range(0, listed).mapToObj(i -> freePort()).toList();
  }

  /**
   * Starts the next listed member, or an unlisted one that joins through the listed ones once they
   * are all started, with the key, certificate and CA in {@code tlsDir}.
   */
  Vertx start(Path tlsDir) throws Exception {
    int membershipPort =
        started.size() < listedPorts.size() ? listedPorts.get(started.size()) : freePort();
    Map<String, String> env = new HashMap<>();
    env.put(
        EventBusConfig.MEMBERS_ENV,
        listedPorts.stream().map(port -> LOOPBACK + ":" + port).collect(Collectors.joining(",")));
    env.put(EventBusConfig.HOST_ENV, LOOPBACK);
    env.put(EventBusConfig.MEMBERSHIP_PORT_ENV, String.valueOf(membershipPort));
    env.put(EventBusConfig.PORT_ENV, String.valueOf(freePort()));
    env.put(EventBusConfig.CLUSTER_NAME_ENV, "moco4j-test");
    env.put(EventBusConfig.TLS_DIR_ENV, tlsDir.toString());
    Vertx vertx = launcher.createVertx(VertxFactory.fromEnv(EnvConfig.of(env)));
    started.add(vertx);
    return vertx;
  }

  @Override
  public void close() {
    // Newest first: the listed members, which the others joined through, leave last.
    for (Vertx vertx : started.reversed()) {
      launcher.stop(vertx);
    }
    started.clear();
    Hazelcast.shutdownAll(); // a member whose Vert.x failed to close must not outlive the test
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
