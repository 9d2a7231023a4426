package dev.moco4j.reconciler;

import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.reconciler.model.MyCnf;
import dev.moco4j.reconciler.model.MySQLClusterModel;
import dev.moco4j.reconciler.rollout.RolloutAction;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the steps of one reconcile hand on to the next ones; confined to that reconcile. */
final class ReconcileState {

  final MySQLCluster cluster;
  MySQLClusterModel model;
  boolean stopped;
  Secret operatorSecret;
  Map<String, String> userConfig = Map.of();
  MyCnf myCnf;
  StatefulSet statefulSet;
  RolloutAction rollout;
  private final List<Problem> problems = new ArrayList<>();

  ReconcileState(MySQLCluster cluster) {
    this.cluster = cluster;
  }

  String namespace() {
    return cluster.getMetadata().getNamespace();
  }

  String name() {
    return cluster.getMetadata().getName();
  }

  String uid() {
    return cluster.getMetadata().getUid();
  }

  void report(Problem problem) {
    problems.add(problem);
  }

  /** Whether the remaining steps are skipped: paused, or a step could not do its part. */
  boolean halted() {
    return stopped || problems.stream().anyMatch(Problem::blocking);
  }

  ReconcileFindings findings() {
    int instances = 0;
    int ready = 0;
    if (statefulSet != null) {
      instances = statefulSet.getSpec().getReplicas();
      if (statefulSet.getStatus() != null && statefulSet.getStatus().getReadyReplicas() != null) {
        ready = statefulSet.getStatus().getReadyReplicas();
      }
    }
    return new ReconcileFindings(stopped, problems, rollout, instances, ready);
  }
}
