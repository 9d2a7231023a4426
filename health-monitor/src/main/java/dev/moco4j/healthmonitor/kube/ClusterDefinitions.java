package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.ErrantReplicaRecovery;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.clustering.ClusterDefinition;
import dev.moco4j.mysql.MySqlEndpoint;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The engine's view of a MySQLCluster: where each instance listens, from its spec and pods. */
public final class ClusterDefinitions {

  private ClusterDefinitions() {}

  /**
   * Instance i is addressed by its stable DNS name, or, with {@link InstanceAddressing#POD_IP}, by
   * its pod's IP when the pod has one (else the DNS name). An IP changes when a pod is re-created,
   * and then so does the definition (the caller rebuilds its engine).
   */
  public static ClusterDefinition of(
      MySQLCluster cluster, ClusterPods pods, InstanceAddressing addressing) {
    String namespace = cluster.getMetadata().getNamespace();
    String name = cluster.getMetadata().getName();
    List<MySqlEndpoint> endpoints =
        IntStream.range(0, cluster.getSpec().getReplicas())
            .mapToObj(
                i ->
                    new MySqlEndpoint(
                        (addressing == InstanceAddressing.POD_IP
                                ? podIp(pods, i)
                                : Optional.<String>empty())
                            .orElse(ResourceNames.podHost(name, namespace, i)),
                        ResourceNames.MYSQL_PORT))
            .toList();
    return new ClusterDefinition(
        namespace,
        name,
        endpoints,
        Optional.empty(),
        Duration.ofSeconds(cluster.getSpec().getMaxDelaySeconds()),
        cluster.getSpec().getErrantReplicaRecovery() == ErrantReplicaRecovery.REINITIALIZE);
  }

  private static Optional<String> podIp(ClusterPods pods, int index) {
    if (index >= pods.size()) {
      return Optional.empty();
    }
    return pods.pod(index).map(Pod::getStatus).map(s -> s.getPodIP()).filter(ip -> !ip.isEmpty());
  }
}
