package dev.moco4j.healthmonitor;

import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.healthmonitor.kube.ClusterPods;
import java.util.Optional;

/** The latest known MySQLCluster and pods of a cluster (informer caches, never the API server). */
interface ClusterView {

  Optional<MySQLCluster> cluster(String namespace, String name);

  ClusterPods pods(String namespace, String name, int instances);
}
