package dev.moco4j.reconciler.rollout;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.reconciler.operation.PodOperation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one step of a rolling update: reads the pods, asks {@link RolloutPlan}, acts. */
public final class RolloutExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(RolloutExecutor.class);

  private final PodOperation pods;

  public RolloutExecutor(PodOperation pods) {
    this.pods = pods;
  }

  /** Takes at most one action and returns what it decided. */
  public CompletionStage<RolloutAction> step(MySQLCluster cluster, StatefulSet statefulSet) {
    String namespace = cluster.getMetadata().getNamespace();
    String name = statefulSet.getMetadata().getName();
    Map<String, String> template =
        statefulSet.getSpec().getTemplate().getMetadata().getAnnotations();
    String templateHash = template == null ? null : template.get(Annotations.RESTART_HASH);
    MySQLClusterStatus status = cluster.getStatus();
    return pods.list(namespace, Labels.selector(cluster.getMetadata().getName()))
        .thenCompose(
            current -> {
              List<PodFacts> facts =
                  current.stream()
                      .map(p -> PodFactsReader.read(name, p))
                      .flatMap(Optional::stream)
                      .toList();
              RolloutAction action =
                  RolloutPlan.next(
                      templateHash,
                      statefulSet.getSpec().getReplicas(),
                      facts,
                      status == null ? null : status.getState(),
                      status == null ? null : status.getCurrentPrimaryIndex());
              return act(namespace, name(cluster), current, action).thenApply(v -> action);
            });
  }

  private CompletionStage<Void> act(
      String namespace, String cluster, List<Pod> current, RolloutAction action) {
    return switch (action) {
      case RolloutAction.DeletePod delete -> {
        LOG.info("cluster={}/{}: deleting outdated pod {}", namespace, cluster, delete.pod());
        yield pods.delete(pod(current, delete.pod()));
      }
      case RolloutAction.RequestSwitchover switchover -> {
        LOG.info(
            "cluster={}/{}: asking for a switchover away from outdated primary {}",
            namespace,
            cluster,
            switchover.pod());
        yield pods.requestDemotion(pod(current, switchover.pod()));
      }
      case RolloutAction.Done done -> CompletableFuture.completedFuture(null);
      case RolloutAction.Wait wait -> CompletableFuture.completedFuture(null);
    };
  }

  private static Pod pod(List<Pod> current, String name) {
    return current.stream()
        .filter(p -> p.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String name(MySQLCluster cluster) {
    return cluster.getMetadata().getName();
  }
}
