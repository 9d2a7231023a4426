package dev.moco4j.reconciler.controller;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.reconciler.MySQLClusterReconciler;
import dev.moco4j.reconciler.ReconcileFindings;
import dev.moco4j.reconciler.rollout.RolloutAction;
import dev.moco4j.service.WatchedNamespaces;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reconciler while this replica leads: informers on MySQLClusters and on the objects
 * moco4j creates for them feed a {@link ReconcileQueue}; the MySQLCluster informer's resync
 * re-queues every cluster periodically, so drift made behind moco4j's back is repaired.
 */
public final class ReconcilerController implements AutoCloseable {

  /** How soon a cluster is looked at again while a rolling update waits or a reconcile failed. */
  static final Duration RETRY = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ReconcilerController.class);
  private static final List<Class<? extends HasMetadata>> OWNED =
      List.of(StatefulSet.class, Service.class, ConfigMap.class, Secret.class, Pod.class);

  private final KubernetesClient client;
  private final WatchedNamespaces namespaces;
  private final Duration resync;
  private final LeaderElection election;
  private final MySQLClusterReconciler reconciler;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger reconciles = new AtomicInteger();
  private final List<SharedIndexInformer<MySQLCluster>> clusterInformers = new ArrayList<>();
  private final List<SharedIndexInformer<? extends HasMetadata>> ownedInformers = new ArrayList<>();
  private ReconcileQueue queue;
  private CompletableFuture<?> electorRun;

  public ReconcilerController(
      KubernetesClient client,
      WatchedNamespaces namespaces,
      Duration resync,
      LeaderElection election,
      MySQLClusterReconciler reconciler,
      ExecutorService executor) {
    this.client = client;
    this.namespaces = namespaces;
    this.resync = resync;
    this.election = election;
    this.reconciler = reconciler;
    this.executor = executor;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "moco4j-reconcile-scheduler");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts campaigning for the Lease; the reconciler acts only while it holds it. */
  public synchronized void start() {
    LeaseLock lock = new LeaseLock(election.namespace(), election.leaseName(), election.identity());
    electorRun =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(election.leaseName())
                    .withLock(lock)
                    .withLeaseDuration(election.leaseDuration())
                    .withRenewDeadline(election.renewDeadline())
                    .withRetryPeriod(election.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(this::startLeading, this::stopLeading, this::newLeader))
                    .build())
            .build()
            .start();
  }

  /** How many reconciles this replica has started: zero while it follows. */
  public int reconcileCount() {
    return reconciles.get();
  }

  @Override
  public synchronized void close() {
    if (electorRun != null) {
      electorRun.cancel(true);
    }
    stopLeading();
    scheduler.shutdownNow();
  }

  private synchronized void startLeading() {
    LOG.info("{} leads: reconciling MySQLClusters in {}", election.identity(), namespaces);
    queue = new ReconcileQueue(this::reconcile, executor, scheduler);
    for (String namespace : watched()) {
      clusterInformers.add(clusters(namespace).inform(handler(this::keyOf), resync.toMillis()));
      for (Class<? extends HasMetadata> type : OWNED) {
        ownedInformers.add(owned(type, namespace));
      }
    }
  }

  private synchronized void stopLeading() {
    if (queue == null) {
      return;
    }
    LOG.info("{} stops reconciling", election.identity());
    queue.close();
    queue = null;
    ownedInformers.forEach(SharedIndexInformer::close);
    clusterInformers.forEach(SharedIndexInformer::close);
    ownedInformers.clear();
    clusterInformers.clear();
  }

  private void newLeader(String identity) {
    LOG.info("reconciler leader is {}", identity);
  }

  private CompletionStage<?> reconcile(String key) {
    MySQLCluster cluster = cached(key);
    if (cluster == null) {
      return CompletableFuture.completedFuture(null);
    }
    reconciles.incrementAndGet();
    return reconciler
        .reconcile(cluster)
        .whenComplete(
            (found, failure) -> {
              if (failure != null || needsAnotherLook(found)) {
                requeue(key);
              }
            });
  }

  /** A rolling update moves on when pods or the status change; this covers a missed event. */
  private static boolean needsAnotherLook(ReconcileFindings found) {
    return !found.stopped()
        && (found.rollout() != null && !(found.rollout() instanceof RolloutAction.Done)
            || found.problems().stream()
                .anyMatch(p -> p.reason().equals(MySQLClusterReconciler.RECONCILE_FAILED)));
  }

  private synchronized void requeue(String key) {
    if (queue != null) {
      queue.enqueueAfter(key, RETRY);
    }
  }

  private synchronized MySQLCluster cached(String key) {
    for (SharedIndexInformer<MySQLCluster> informer : clusterInformers) {
      MySQLCluster cluster = informer.getIndexer().getByKey(key);
      if (cluster != null) {
        return cluster;
      }
    }
    return null;
  }

  private synchronized void enqueue(String key) {
    if (queue != null && key != null) {
      queue.enqueue(key);
    }
  }

  private String keyOf(HasMetadata cluster) {
    return cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
  }

  /** moco4j's objects carry their cluster's name in the instance label. */
  private String ownerKeyOf(HasMetadata object) {
    var labels = object.getMetadata().getLabels();
    String cluster = labels == null ? null : labels.get(Labels.INSTANCE);
    return cluster == null ? null : object.getMetadata().getNamespace() + "/" + cluster;
  }

  private <T extends HasMetadata> ResourceEventHandler<T> handler(Function<T, String> key) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        enqueue(key.apply(object));
      }

      @Override
      public void onUpdate(T before, T after) {
        enqueue(key.apply(after));
      }

      @Override
      public void onDelete(T object, boolean finalStateUnknown) {
        enqueue(key.apply(object));
      }
    };
  }

  private List<String> watched() {
    return namespaces.all() ? Collections.singletonList(null) : List.copyOf(namespaces.names());
  }

  private Informable<MySQLCluster> clusters(String namespace) {
    var all = client.resources(MySQLCluster.class);
    return namespace == null ? all.inAnyNamespace() : all.inNamespace(namespace);
  }

  private <T extends HasMetadata> SharedIndexInformer<T> owned(Class<T> type, String namespace) {
    var all = client.resources(type);
    var scoped = namespace == null ? all.inAnyNamespace() : all.inNamespace(namespace);
    return scoped
        .withLabel(Labels.CREATED_BY, Labels.OPERATOR)
        .inform(handler(this::ownerKeyOf), 0);
  }
}
