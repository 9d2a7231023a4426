package dev.moco4j.local.controlplane;

import dev.moco4j.local.binaries.TestBinaries;
import dev.moco4j.local.process.ChildProcess;
import dev.moco4j.local.process.Directories;
import dev.moco4j.local.process.FreePorts;
import dev.moco4j.local.process.OrphanReaper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane as child processes of this JVM: etcd, kube-apiserver and, when
 * asked, kube-controller-manager, all on free loopback ports in one directory.
 *
 * <p>Closing it stops the processes by PID (SIGTERM, then SIGKILL) in reverse start order; if the
 * JVM dies instead, an {@link OrphanReaper} kills them.
 */
public final class LocalControlPlane implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalControlPlane.class);

  private final Path dir;
  private final boolean deleteOnClose;
  private final List<ChildProcess> processes = new ArrayList<>();
  private ServiceIpRange serviceRange;
  private String server;
  private Path kubeconfig;
  private AdminCredentials admin;
  private KubernetesClient client;

  private LocalControlPlane(Path dir, boolean deleteOnClose) {
    this.dir = dir;
    this.deleteOnClose = deleteOnClose;
  }

  /** Starts etcd and kube-apiserver (and kube-controller-manager) in a fresh temp directory. */
  public static LocalControlPlane start(boolean withControllerManager) {
    try {
      Path dir = Files.createTempDirectory("moco4j-control-plane-");
      return start(dir, withControllerManager, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts in {@code dir}; {@code deleteOnClose} removes it when stopped. */
  public static LocalControlPlane start(
      Path dir, boolean withControllerManager, boolean deleteOnClose) {
    LocalControlPlane plane = new LocalControlPlane(dir, deleteOnClose);
    try {
      plane.startProcesses(TestBinaries.locate(), withControllerManager);
      return plane;
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  private void startProcesses(TestBinaries binaries, boolean withControllerManager)
      throws RuntimeException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path pidDir = dir.resolve("pids");
    OrphanReaper.watch(pidDir, dir, deleteOnClose ? dir : null);
    serviceRange = ServiceIpRange.lease();
    ServiceAccountKeys keys = ServiceAccountKeys.generate(dir);
    admin = AdminCredentials.generate(dir);
    int etcdPort = FreePorts.next();
    processes.add(Etcd.start(binaries, dir, pidDir, etcdPort));
    int apiPort = FreePorts.next();
    server = "https://127.0.0.1:" + apiPort;
    kubeconfig = admin.writeKubeconfig(dir.resolve("kubeconfig"), server);
    processes.add(
        KubeApiServer.start(
            binaries, dir, pidDir, etcdPort, apiPort, keys, admin, serviceRange.cidr()));
    if (withControllerManager) {
      processes.add(
          KubeControllerManager.start(binaries, dir, pidDir, kubeconfig, keys, FreePorts.next()));
    }
    client = new KubernetesClientBuilder().withConfig(config(null)).build();
    LOG.info("local control plane at {} (kubeconfig {})", server, kubeconfig);
  }

  /** A client configuration for the admin user, defaulting to {@code namespace} when not null. */
  public Config config(String namespace) {
    ConfigBuilder builder =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(server)
            .withOauthToken(admin.token())
            .withTrustCerts(true)
            .withDisableHostnameVerification(true)
            .withRequestRetryBackoffLimit(3);
    if (namespace != null) {
      builder.withNamespace(namespace);
    }
    return builder.build();
  }

  /** A shared admin client; closed with the control plane. */
  public KubernetesClient client() {
    return client;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public Path directory() {
    return dir;
  }

  /** The apiserver's service-cluster-ip-range, a loopback /24. */
  public String serviceRange() {
    return serviceRange.cidr();
  }

  /** Whether every process is still running (a crash shows up here, not as a hang). */
  public boolean isHealthy() {
    return processes.stream().allMatch(ChildProcess::isAlive);
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    // Reverse order: the controller-manager and apiserver first, etcd (their store) last.
    for (ChildProcess process : processes.reversed()) {
      process.close();
    }
    processes.clear();
    if (serviceRange != null) {
      serviceRange.close();
    }
    if (deleteOnClose) {
      Directories.deleteRecursively(dir);
    }
  }
}
