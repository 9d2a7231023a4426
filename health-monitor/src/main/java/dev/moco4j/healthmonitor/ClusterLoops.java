package dev.moco4j.healthmonitor;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.healthmonitor.kube.ClusterPods;
import dev.moco4j.healthmonitor.kube.KubeCalls;
import dev.moco4j.healthmonitor.kube.PodStatusWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ClusterLoop} per MySQLCluster in the watched namespaces: informers on MySQLClusters
 * start and stop the loops, and informers on the MySQL pods poke a cluster's loop when one of its
 * pods changes.
 */
public final class ClusterLoops implements ClusterWatch, ClusterView {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterLoops.class);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final KubernetesClient client;
  private final boolean ownsClient;
  private final HealthMonitorConfig config;
  private final KubeCalls calls;
  private final ExecutorService mysql = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, ClusterLoop> loops = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<MySQLCluster>> clusterInformers = new ArrayList<>();
  private final List<SharedIndexInformer<Pod>> podInformers = new ArrayList<>();
  private volatile PassListener listener = PassListener.NONE;
  private volatile boolean closed;

  private ClusterLoops(KubernetesClient client, boolean ownsClient, HealthMonitorConfig config) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.config = config;
    this.calls = KubeCalls.withThreads(config.kubeThreads());
  }

  /** Loops that talk to the API server through {@code client}, which the caller closes. */
  public static ClusterLoops using(KubernetesClient client, HealthMonitorConfig config) {
    return new ClusterLoops(client, false, config);
  }

  /** Loops with their own client, configured as fabric8 finds it (in-cluster or kubeconfig). */
  public static ClusterLoops connect(HealthMonitorConfig config) {
    return new ClusterLoops(new KubernetesClientBuilder().build(), true, config);
  }

  /** Tells {@code listener} about every pass from now on; call before {@link #start}. */
  public ClusterLoops listening(PassListener listener) {
    this.listener = Objects.requireNonNull(listener);
    return this;
  }

  /**
   * Asks the cluster's loop for a switchover, to {@code target} or to the replica the engine
   * chooses; the loop decides whether it can (a Healthy cluster, a synced target).
   *
   * @return false when no loop runs for that cluster here
   */
  public boolean requestSwitchover(String namespace, String name, Optional<Integer> target) {
    Optional<ClusterLoop> loop = loop(namespace, name);
    loop.ifPresent(l -> l.requestSwitchover(target));
    return loop.isPresent();
  }

  /**
   * Stops or resumes acting on a cluster by its {@link Annotations#CLUSTERING_STOPPED} annotation,
   * so the choice outlives this process and every health-monitor replica honours it.
   */
  public void setClusteringStopped(String namespace, String name, boolean stopped) {
    calls.call(
        () ->
            client
                .resources(MySQLCluster.class)
                .inNamespace(namespace)
                .withName(name)
                .edit(
                    cluster -> {
                      Map<String, String> annotations =
                          cluster.getMetadata().getAnnotations() == null
                              ? new HashMap<>()
                              : new HashMap<>(cluster.getMetadata().getAnnotations());
                      if (stopped) {
                        annotations.put(Annotations.CLUSTERING_STOPPED, Annotations.TRUE);
                      } else {
                        annotations.remove(Annotations.CLUSTERING_STOPPED);
                      }
                      cluster.getMetadata().setAnnotations(annotations);
                      return cluster;
                    }));
  }

  @Override
  public synchronized void start() {
    LoopServices services =
        new LoopServices(
            client,
            calls,
            config,
            mysql,
            new PodStatusWriter(client, calls, Clock.systemUTC()),
            Clock.systemUTC(),
            listener);
    // Pods first, so that a cluster's first pass already sees its pods.
    for (Optional<String> namespace : scopes()) {
      var pods =
          namespace.isPresent()
              ? client.pods().inNamespace(namespace.get())
              : client.pods().inAnyNamespace();
      podInformers.add(
          pods.withLabel(Labels.NAME, Labels.APP_NAME)
              .withLabel(Labels.CREATED_BY, Labels.OPERATOR)
              .inform(new PodHandler(), 0));
    }
    for (Optional<String> namespace : scopes()) {
      var clusters =
          namespace.isPresent()
              ? client.resources(MySQLCluster.class).inNamespace(namespace.get())
              : client.resources(MySQLCluster.class).inAnyNamespace();
      clusterInformers.add(clusters.inform(new ClusterHandler(services), 0));
    }
    LOG.info("watching MySQLClusters in {}", config.namespaces());
  }

  private List<Optional<String>> scopes() {
    if (config.namespaces().all()) {
      return List.of(Optional.empty());
    }
    return config.namespaces().names().stream().sorted().map(Optional::of).toList();
  }

  @Override
  public Optional<MySQLCluster> cluster(String namespace, String name) {
    return clusterInformers.stream()
        .map(i -> i.getStore().getByKey(key(namespace, name)))
        .filter(c -> c != null)
        .findFirst();
  }

  @Override
  public ClusterPods pods(String namespace, String name, int instances) {
    Map<String, Pod> byName = new HashMap<>();
    for (int i = 0; i < instances; i++) {
      String pod = ResourceNames.podName(name, i);
      for (SharedIndexInformer<Pod> informer : podInformers) {
        Pod found = informer.getStore().getByKey(key(namespace, pod));
        if (found != null && name.equals(instance(found))) {
          byName.put(pod, found);
        }
      }
    }
    return ClusterPods.of(namespace, name, instances, byName);
  }

  /** The loop of a cluster, if it runs: for commands and tests. */
  Optional<ClusterLoop> loop(String namespace, String name) {
    return Optional.ofNullable(loops.get(key(namespace, name)));
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      clusterInformers.forEach(SharedIndexInformer::close);
      podInformers.forEach(SharedIndexInformer::close);
    }
    List<ClusterLoop> stopping = new ArrayList<>(loops.values());
    loops.clear();
    stopping.forEach(ClusterLoop::close);
    try {
      for (ClusterLoop loop : stopping) {
        if (!loop.awaitStopped(STOP_TIMEOUT)) {
          LOG.warn("a clustering loop did not stop within {}", STOP_TIMEOUT);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    mysql.shutdownNow();
    calls.close();
    if (ownsClient) {
      client.close();
    }
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** The cluster a MySQL pod belongs to, from its instance label. */
  private static String instance(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(Labels.INSTANCE);
  }

  private static String key(HasMetadata object) {
    return key(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  private final class ClusterHandler implements ResourceEventHandler<MySQLCluster> {

    private final LoopServices services;

    ClusterHandler(LoopServices services) {
      this.services = services;
    }

    @Override
    public void onAdd(MySQLCluster cluster) {
      ensureLoop(cluster);
    }

    @Override
    public void onUpdate(MySQLCluster before, MySQLCluster after) {
      ClusterLoop loop = ensureLoop(after);
      // Status writes (most of them the loop's own) need no extra pass; spec and annotations do.
      boolean specChanged =
          !Objects.equals(
              before.getMetadata().getGeneration(), after.getMetadata().getGeneration());
      boolean annotationsChanged =
          !Objects.equals(
              before.getMetadata().getAnnotations(), after.getMetadata().getAnnotations());
      if (loop != null && (specChanged || annotationsChanged)) {
        loop.poke();
      }
    }

    @Override
    public void onDelete(MySQLCluster cluster, boolean finalStateUnknown) {
      ClusterLoop loop = loops.remove(key(cluster));
      if (loop != null) {
        loop.close();
      }
    }

    private ClusterLoop ensureLoop(MySQLCluster cluster) {
      if (closed) {
        return null;
      }
      String namespace = cluster.getMetadata().getNamespace();
      String name = cluster.getMetadata().getName();
      return loops.computeIfAbsent(
          key(cluster),
          k -> {
            ClusterLoop loop = new ClusterLoop(namespace, name, ClusterLoops.this, services);
            loop.start();
            return loop;
          });
    }
  }

  private final class PodHandler implements ResourceEventHandler<Pod> {

    @Override
    public void onAdd(Pod pod) {
      poke(pod);
    }

    @Override
    public void onUpdate(Pod before, Pod after) {
      if (PodChanges.relevant(before, after)) {
        poke(after);
      }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      poke(pod);
    }

    private void poke(Pod pod) {
      String cluster = instance(pod);
      if (cluster != null) {
        ClusterLoop loop = loops.get(key(pod.getMetadata().getNamespace(), cluster));
        if (loop != null) {
          loop.poke();
        }
      }
    }
  }
}
