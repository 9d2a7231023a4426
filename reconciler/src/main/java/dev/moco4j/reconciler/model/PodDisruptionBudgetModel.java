package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.ResourceNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Optional;

/**
 * The PodDisruptionBudget: voluntary evictions (node drains) take one instance at a time, so a
 * majority stays to acknowledge writes and to fail over.
 *
 * <p>A single instance gets none. With one instance an eviction always means downtime, and a budget
 * of zero would block every node drain until someone deletes it by hand; users of a one-instance
 * cluster (development, tests) expect drains to work. The reconciler deletes the budget when a
 * cluster has one instance.
 */
final class PodDisruptionBudgetModel {

  private PodDisruptionBudgetModel() {}

  static Optional<PodDisruptionBudget> build(ClusterRef cluster, int instances) {
    if (instances < 3) {
      return Optional.empty();
    }
    return Optional.of(
        new PodDisruptionBudgetBuilder()
            .withMetadata(cluster.metadata(ResourceNames.podDisruptionBudget(cluster.name())))
            .withNewSpec()
            .withMaxUnavailable(new IntOrString(1))
            .withNewSelector()
            .withMatchLabels(Labels.selector(cluster.name()))
            .endSelector()
            .endSpec()
            .build());
  }
}
