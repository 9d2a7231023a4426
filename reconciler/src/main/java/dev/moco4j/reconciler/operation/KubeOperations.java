package dev.moco4j.reconciler.operation;

import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.Executor;

/** Every operation the reconciler runs against the API server, sharing one client and pool. */
public record KubeOperations(
    ResourceOperation<MySQLCluster> clusters,
    ResourceOperation<ConfigMap> configMaps,
    ResourceOperation<Secret> secrets,
    ResourceOperation<ServiceAccount> serviceAccounts,
    ResourceOperation<Service> services,
    ResourceOperation<StatefulSet> statefulSets,
    ResourceOperation<PodDisruptionBudget> podDisruptionBudgets,
    PodOperation pods,
    StatusOperation status,
    EventOperation events) {

  public static KubeOperations create(KubernetesClient client, Executor executor, Clock clock) {
    return new KubeOperations(
        new ResourceOperation<>(client, executor, MySQLCluster.class),
        new ResourceOperation<>(client, executor, ConfigMap.class),
        new ResourceOperation<>(client, executor, Secret.class),
        new ResourceOperation<>(client, executor, ServiceAccount.class),
        new ResourceOperation<>(client, executor, Service.class),
        new ResourceOperation<>(client, executor, StatefulSet.class),
        new ResourceOperation<>(client, executor, PodDisruptionBudget.class),
        new PodOperation(client, executor),
        new StatusOperation(client, executor),
        new EventOperation(client, executor, clock));
  }
}
