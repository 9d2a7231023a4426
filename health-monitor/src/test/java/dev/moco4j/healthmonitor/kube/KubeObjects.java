package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** MySQLClusters and pods as the tests need them, built in memory. */
final class KubeObjects {

  private KubeObjects() {}

  static MySQLCluster cluster(String namespace, String name, int replicas) {
    MySQLCluster cluster = new MySQLCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    cluster.getSpec().setReplicas(replicas);
    return cluster;
  }

  static Pod pod(String namespace, String cluster, int index, String ip) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(ResourceNames.podName(cluster, index))
        .withLabels(Labels.standard(cluster))
        .endMetadata()
        .withNewStatus()
        .withPodIP(ip)
        .endStatus()
        .build();
  }
}
