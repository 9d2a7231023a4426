package dev.moco4j.local.kubelet;

import dev.moco4j.local.process.LocalHttp;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates probes against a pod IP: TCP connects, HTTP GETs (2xx/3xx passes) and exec commands run
 * on the host with mounted paths rewritten. A gRPC probe cannot be evaluated here and passes, so it
 * never blocks readiness for a reason unrelated to the pod.
 */
final class Probes {

  private Probes() {}

  /**
   * @param ports the container's declared ports, by which a probe may name its port
   */
  static boolean check(Probe probe, String podIp, List<ContainerPort> ports, PathMapper paths) {
    int timeoutMs = 1000 * Math.max(1, valueOr(probe.getTimeoutSeconds(), 1));
    if (probe.getTcpSocket() != null) {
      return tcp(podIp, port(probe.getTcpSocket().getPort(), ports), timeoutMs);
    }
    if (probe.getHttpGet() != null) {
      var get = probe.getHttpGet();
      String scheme = get.getScheme() == null ? "http" : get.getScheme().toLowerCase();
      String path = get.getPath() == null ? "/" : get.getPath();
      int status =
          LocalHttp.status(scheme + "://" + podIp + ":" + port(get.getPort(), ports) + path, null);
      return status >= 200 && status < 400;
    }
    if (probe.getExec() != null) {
      return exec(probe.getExec().getCommand(), paths, timeoutMs);
    }
    return true;
  }

  static int valueOr(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  /** A port number, or a name resolved as a kubelet does: the container port of that name. */
  static int port(IntOrString port, List<ContainerPort> ports) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    String name = port.getStrVal();
    return ports.stream()
        .filter(p -> name.equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        // mysqld's port is known even where a test's container leaves it undeclared.
        .orElseGet(() -> "mysql".equals(name) ? 3306 : Integer.parseInt(name));
  }

  private static boolean tcp(String host, int port, int timeoutMs) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean exec(List<String> command, PathMapper paths, int timeoutMs) {
    try {
      Process process =
          new ProcessBuilder(command.stream().map(paths::text).toList())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      // The command does not exist on this host (e.g. mysqladmin: the test mysqld has no clients).
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
