package dev.moco4j.clustering;

import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicationSource;
import java.util.List;

/** Connections to a cluster's instances by index, with the engine's account and timeouts. */
final class Instances {

  private final ClusterDefinition cluster;
  private final EngineSettings settings;
  private final List<MySqlConnector> connectors;

  Instances(ClusterDefinition cluster, EngineSettings settings) {
    this.cluster = cluster;
    this.settings = settings;
    ConnectionSettings connection =
        new ConnectionSettings(settings.admin(), settings.connectTimeout(), settings.readTimeout());
    this.connectors =
        cluster.instances().stream().map(e -> new MySqlConnector(e, connection)).toList();
  }

  MySqlConnector connector(int index) {
    return connectors.get(index);
  }

  MySqlEndpoint endpoint(int index) {
    return cluster.instances().get(index);
  }

  int size() {
    return connectors.size();
  }

  /** How replicas connect to the instance at {@code index} when it is their source. */
  ReplicationSource asSource(int index) {
    return ReplicationSource.of(endpoint(index), settings.replication());
  }

  ClusterDefinition cluster() {
    return cluster;
  }

  EngineSettings settings() {
    return settings;
  }
}
