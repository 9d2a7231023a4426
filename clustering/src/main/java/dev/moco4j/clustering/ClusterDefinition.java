package dev.moco4j.clustering;

import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicationSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A cluster as the engine sees it: a name for logs and events, where its instances listen (index
 * order), and the optional external source of an intermediate primary.
 *
 * @param reinitializeErrantReplicas the user opted in to emptying and re-seeding errant replicas
 */
public record ClusterDefinition(
    String namespace,
    String name,
    List<MySqlEndpoint> instances,
    Optional<ReplicationSource> externalSource,
    Duration maxDelay,
    boolean reinitializeErrantReplicas) {

  public ClusterDefinition {
    instances = List.copyOf(instances);
    if (instances.isEmpty() || instances.size() % 2 == 0) {
      throw new IllegalArgumentException(
          "a cluster has a positive odd number of instances, got " + instances.size());
    }
  }

  public static ClusterDefinition of(String namespace, String name, List<MySqlEndpoint> instances) {
    return new ClusterDefinition(
        namespace, name, instances, Optional.empty(), Duration.ofSeconds(60), false);
  }

  public ClusterDefinition withExternalSource(ReplicationSource source) {
    return new ClusterDefinition(
        namespace, name, instances, Optional.of(source), maxDelay, reinitializeErrantReplicas);
  }

  public ClusterDefinition withErrantReplicaRecovery(boolean reinitialize) {
    return new ClusterDefinition(
        namespace, name, instances, externalSource, maxDelay, reinitialize);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
