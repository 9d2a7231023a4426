package dev.moco4j.healthmonitor;

import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.clustering.ClusterDefinition;
import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.ClusteringEngine;
import dev.moco4j.clustering.EngineSettings;
import dev.moco4j.clustering.Failure;
import dev.moco4j.clustering.MySqlSeeder;
import dev.moco4j.clustering.PassInputs;
import dev.moco4j.clustering.PassResult;
import dev.moco4j.clustering.model.ClusterObservation.SwitchoverRequest;
import dev.moco4j.healthmonitor.kube.ClusterDefinitions;
import dev.moco4j.healthmonitor.kube.ClusterPods;
import dev.moco4j.healthmonitor.kube.KubePassInputs;
import dev.moco4j.healthmonitor.kube.KubernetesEventSink;
import dev.moco4j.healthmonitor.kube.KubernetesStatusStore;
import dev.moco4j.healthmonitor.kube.OperatorCredentials;
import dev.moco4j.healthmonitor.kube.PodRole;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The clustering loop of one MySQLCluster, on its own virtual thread: a pass on every tick, at once
 * when poked (a pod changed, a command arrived) and again right after the primary moved. Passes of
 * one cluster never overlap, and a slow cluster never delays another.
 */
final class ClusterLoop implements AutoCloseable {

  /** The MDC key every log line of a cluster's loop carries. */
  static final String LOG_KEY = "cluster";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterLoop.class);

  private static final Duration CLONE_TIMEOUT = Duration.ofHours(1);

  private final String namespace;
  private final String name;
  private final ClusterView view;
  private final LoopServices services;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicReference<SwitchoverRequest> switchover = new AtomicReference<>();
  private volatile boolean closed;
  private Thread thread;

  // Touched by the loop's thread only.
  private KubernetesStatusStore store;
  private KubernetesEventSink events;
  private ClusteringEngine engine;
  private ClusterDefinition engineDefinition;
  private String lastProblem;

  ClusterLoop(String namespace, String name, ClusterView view, LoopServices services) {
    this.namespace = namespace;
    this.name = name;
    this.view = view;
    this.services = services;
  }

  synchronized void start() {
    thread = Thread.ofVirtual().name("cluster-" + namespace + "/" + name).start(this::run);
  }

  /** Runs a pass as soon as the current one (if any) ends. */
  void poke() {
    wake.release();
  }

  /** Asks for a switchover, to {@code target} or to the best synced replica. */
  void requestSwitchover(Optional<Integer> target) {
    switchover.set(new SwitchoverRequest(target));
    poke();
  }

  private void run() {
    MDC.put(LOG_KEY, namespace + "/" + name);
    LOG.info("clustering loop started");
    try {
      while (!closed) {
        long started = System.nanoTime();
        try {
          pass(started);
        } catch (RuntimeException e) {
          problem(e.toString());
          tell(
              () ->
                  services
                      .listener()
                      .passFailed(namespace, name, Duration.ofNanos(System.nanoTime() - started)));
        }
        if (!wake.tryAcquire(services.config().checkInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          continue;
        }
        // Pokes that arrived during the pass are answered by the next one, all together.
        wake.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (engine != null) {
        // Ends background seed jobs; the next loop for this cluster starts them over.
        engine.close();
      }
      tell(() -> services.listener().removed(namespace, name));
      LOG.info("clustering loop stopped");
      MDC.remove(LOG_KEY);
    }
  }

  private void pass(long started) {
    Optional<MySQLCluster> found = view.cluster(namespace, name);
    if (found.isEmpty() || closed) {
      return;
    }
    MySQLCluster cluster = found.get();
    if (cluster.getSpec().replicatesFromExternalSource()) {
      problem("replication from an external source is not supported yet; leaving it alone");
      return;
    }
    ClusterPods pods = view.pods(namespace, name, cluster.getSpec().getReplicas());
    ClusterDefinition definition =
        ClusterDefinitions.of(cluster, pods, services.config().addressing());
    if (store == null) {
      store =
          new KubernetesStatusStore(
              services.client(), services.calls(), namespace, name, services.clock());
      events =
          new KubernetesEventSink(services.client(), services.calls(), cluster, services.clock());
    }
    if (!definition.equals(engineDefinition)) {
      // The engine keeps only how long instances have been unreachable between passes, so a new
      // one (new pod IPs, another size) loses nothing the status does not hold.
      if (engine != null) {
        engine.close();
      }
      engine = newEngine(definition);
      engineDefinition = definition;
      LOG.info("instances at {}", definition.instances());
    }
    PassInputs inputs =
        KubePassInputs.of(cluster, pods, Optional.ofNullable(switchover.getAndSet(null)));
    PassResult result = engine.runOnce(inputs);
    if (!result.failures().isEmpty()) {
      LOG.warn(
          "{}: {}",
          result.decision().operation(),
          result.failures().stream().map(Failure::toString).collect(Collectors.joining("; ")));
    }
    ClusterReport report = store.lastReport();
    if (report != null) {
      services
          .pods()
          .apply(
              pods, PodRole.decide(pods.size(), report.currentPrimaryIndex(), result.decision()));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      tell(
          () ->
              services
                  .listener()
                  .passed(
                      new PassListener.Pass(
                          namespace, name, result, report, inputs.clusteringStopped(), took)));
    }
    if (result.primaryChanged()) {
      poke();
    }
    lastProblem = null;
  }

  private ClusteringEngine newEngine(ClusterDefinition definition) {
    OperatorCredentials credentials =
        OperatorCredentials.from(
            name,
            services
                .calls()
                .call(
                    () ->
                        services
                            .client()
                            .secrets()
                            .inNamespace(namespace)
                            .withName(ResourceNames.operatorSecret(name))
                            .get()));
    HealthMonitorConfig config = services.config();
    EngineSettings settings =
        EngineSettings.defaults(credentials.admin(), credentials.replication())
            .withDetection(config.connectTimeout(), config.readTimeout(), config.downAfter());
    // Every instance creates the operator's users itself at start-up: a seed copies none of them.
    var operatorUsers =
        Arrays.stream(MySQLUsers.values()).map(MySQLUsers::userName).collect(Collectors.toSet());
    return new ClusteringEngine(
        definition,
        settings,
        store,
        events,
        new MySqlSeeder(credentials.admin(), operatorUsers, CLONE_TIMEOUT),
        services.clock(),
        new LogContextExecutor(services.mysql()));
  }

  /** A listener's trouble never stops the loop. */
  private static void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a pass listener failed", e);
    }
  }

  /** Logs a problem once, not on every tick while it lasts. */
  private void problem(String message) {
    if (!Objects.equals(message, lastProblem)) {
      LOG.warn("pass skipped: {}", message);
      lastProblem = message;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Waits for the loop's thread to end after {@link #close}. */
  boolean awaitStopped(Duration timeout) throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    return t == null || t.join(timeout);
  }
}
