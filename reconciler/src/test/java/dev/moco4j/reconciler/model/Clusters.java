package dev.moco4j.reconciler.model;

import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/** Test inputs: MySQLClusters and my.cnf entries from YAML, and YAML of the results. */
final class Clusters {

  static final KubernetesSerialization YAML = new KubernetesSerialization();

  private Clusters() {}

  static MySQLCluster fromYaml(String yaml) {
    return YAML.unmarshal(yaml, MySQLCluster.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> myCnfFromYaml(String yaml) {
    return YAML.unmarshal(yaml, Map.class);
  }

  static MySQLCluster minimal() {
    return fromYaml(Golden.read("minimal/cluster.yaml"));
  }

  static MySQLCluster threeInstances() {
    return fromYaml(Golden.read("three-instances/cluster.yaml"));
  }

  static String yaml(Object object) {
    return YAML.asYaml(object);
  }
}
