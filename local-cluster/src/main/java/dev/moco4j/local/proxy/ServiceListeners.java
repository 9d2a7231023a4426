package dev.moco4j.local.proxy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener per TCP port of a Service on its ClusterIP, piping each connection to an endpoint.
 */
final class ServiceListeners implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceListeners.class);

  private final String fingerprint;
  private final List<ServerSocket> sockets = new ArrayList<>();

  private ServiceListeners(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  static ServiceListeners open(Service service, ReadyEndpoints endpoints) {
    ServiceListeners listeners = new ServiceListeners(fingerprint(service));
    String ip = service.getSpec().getClusterIP();
    try {
      for (ServicePort port : service.getSpec().getPorts()) {
        if (port.getProtocol() != null && !"TCP".equals(port.getProtocol())) {
          continue;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(ip), port.getPort()));
        listeners.sockets.add(socket);
        Thread.ofVirtual()
            .name("proxy-" + ip + ":" + port.getPort())
            .start(() -> accept(socket, endpoints, port));
        LOG.info(
            "proxying {}/{} {}:{}",
            service.getMetadata().getNamespace(),
            service.getMetadata().getName(),
            ip,
            port.getPort());
      }
      return listeners;
    } catch (IOException e) {
      listeners.close();
      throw new UncheckedIOException("cannot listen on " + ip, e);
    }
  }

  /** Whether these listeners still match the Service (same ClusterIP and ports). */
  boolean serves(Service service) {
    return fingerprint.equals(fingerprint(service));
  }

  private static String fingerprint(Service service) {
    return service.getSpec().getClusterIP() + service.getSpec().getPorts();
  }

  private static void accept(ServerSocket server, ReadyEndpoints endpoints, ServicePort port) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> forward(client, endpoints, port));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void forward(Socket client, ReadyEndpoints endpoints, ServicePort port) {
    InetSocketAddress target = endpoints.pick(port);
    if (target == null) {
      // No ready endpoint: refuse, as kube-proxy's REJECT rule does.
      LOG.debug("no ready endpoint for port {}: closing", port.getPort());
      closeQuietly(client);
      return;
    }
    try (client;
        Socket upstream = new Socket()) {
      upstream.connect(target, 5000);
      Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
      pipe(client, upstream);
      back.join();
    } catch (IOException e) {
      LOG.debug("connection to {} failed: {}", target, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Copies until EOF, then half-closes the other side so protocol shutdowns pass through. */
  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a broken connection: nothing left to do.
    }
  }

  @Override
  public void close() {
    sockets.forEach(
        s -> {
          try {
            s.close();
          } catch (IOException ignored) {
            // Already closed.
          }
        });
  }
}
