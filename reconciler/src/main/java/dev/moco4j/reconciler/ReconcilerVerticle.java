package dev.moco4j.reconciler;

import dev.moco4j.reconciler.controller.LeaderElection;
import dev.moco4j.reconciler.controller.ReconcilerController;
import dev.moco4j.reconciler.operation.KubeCallPool;
import dev.moco4j.reconciler.operation.KubeOperations;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciler's deployment: while this replica holds the Lease, keeps every watched
 * MySQLCluster's Kubernetes objects as its spec asks.
 */
public final class ReconcilerVerticle extends VerticleBase {

  public static final String SERVICE = "reconciler";

  private static final Logger LOG = LoggerFactory.getLogger(ReconcilerVerticle.class);

  private final ReconcilerConfig config;
  private final Supplier<KubernetesClient> clientFactory;
  private KubernetesClient client;
  private ExecutorService pool;
  private ReconcilerController controller;

  /** Connects with fabric8's usual configuration: in-cluster, or the kubeconfig. */
  public ReconcilerVerticle(ReconcilerConfig config) {
    this(config, () -> new KubernetesClientBuilder().build());
  }

  public ReconcilerVerticle(ReconcilerConfig config, Supplier<KubernetesClient> clientFactory) {
    this.config = config;
    this.clientFactory = clientFactory;
  }

  @Override
  public Future<?> start() {
    // Building the client reads files; the Lease campaign then runs on the pool, off the event
    // loop.
    return vertx.executeBlocking(
        () -> {
          client = clientFactory.get();
          pool = KubeCallPool.create(config.kubeThreads());
          MySQLClusterReconciler reconciler =
              new MySQLClusterReconciler(
                  KubeOperations.create(client, pool, Clock.systemUTC()),
                  new SecureRandom(),
                  Clock.systemUTC(),
                  version());
          String leaseNamespace =
              config.leaseNamespace().orElseGet(() -> orDefault(client.getNamespace()));
          controller =
              new ReconcilerController(
                  client,
                  config.namespaces(),
                  config.resyncPeriod(),
                  LeaderElection.standard(leaseNamespace, config.identity()),
                  reconciler,
                  pool);
          controller.start();
          LOG.info(
              "{} watching {}, resync every {}, Lease {}/{} as {}",
              SERVICE,
              config.namespaces(),
              config.resyncPeriod(),
              leaseNamespace,
              LeaderElection.LEASE_NAME,
              config.identity());
          return null;
        });
  }

  @Override
  public Future<?> stop() {
    return vertx.executeBlocking(
        () -> {
          if (controller != null) {
            controller.close();
          }
          if (pool != null) {
            pool.shutdownNow();
          }
          if (client != null) {
            client.close();
          }
          LOG.info("{} verticle stopped", SERVICE);
          return null;
        });
  }

  private static String orDefault(String namespace) {
    return namespace == null ? "default" : namespace;
  }

  /** From the jar's manifest; "development" when run from classes. */
  static String version() {
    String version = ReconcilerVerticle.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
