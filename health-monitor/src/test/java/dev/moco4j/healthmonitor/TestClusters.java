package dev.moco4j.healthmonitor;

import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Valid MySQLClusters for tests, created through the API server. */
public final class TestClusters {

  private static final String YAML =
      """
      apiVersion: moco4j.dev/v1beta1
      kind: MySQLCluster
      metadata:
        name: %s
        namespace: %s
      spec:
        replicas: %d
        podTemplate:
          spec:
            containers:
            - name: mysqld
              image: mysql:8.0.31
        volumeClaimTemplates:
        - metadata:
            name: mysql-data
          spec:
            accessModes: [ReadWriteOnce]
            resources:
              requests:
                storage: 1Gi
      """;

  private TestClusters() {}

  public static MySQLCluster create(
      KubernetesClient client, String namespace, String name, int replicas) {
    MySQLCluster cluster =
        client
            .resources(MySQLCluster.class)
            .load(
                new ByteArrayInputStream(
                    YAML.formatted(name, namespace, replicas).getBytes(StandardCharsets.UTF_8)))
            .item();
    return client.resource(cluster).create();
  }
}
