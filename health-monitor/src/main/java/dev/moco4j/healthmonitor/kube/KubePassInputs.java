package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.clustering.PassInputs;
import dev.moco4j.clustering.model.ClusterObservation.SwitchoverRequest;
import dev.moco4j.clustering.model.PodFlags;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What Kubernetes tells a pass besides the instances' own facts. */
public final class KubePassInputs {

  private KubePassInputs() {}

  public static PassInputs of(
      MySQLCluster cluster, ClusterPods pods, Optional<SwitchoverRequest> switchover) {
    Map<Integer, PodFlags> flags = new HashMap<>();
    for (int i = 0; i < pods.size(); i++) {
      int index = i;
      pods.pod(i).map(KubePassInputs::flags).ifPresent(f -> flags.put(index, f));
    }
    return new PassInputs(flags, switchover, restorePending(cluster), clusteringStopped(cluster));
  }

  static PodFlags flags(Pod pod) {
    return new PodFlags(
        pod.getMetadata().getDeletionTimestamp() != null,
        annotation(pod, Annotations.DEMOTE).equals(Annotations.TRUE));
  }

  /** A restore was asked for at creation and the restore-service has not recorded its end. */
  static boolean restorePending(MySQLCluster cluster) {
    if (cluster.getSpec().getRestore() == null) {
      return false;
    }
    return cluster.getStatus() == null
        || cluster.getStatus().getRestoredTime() == null
        || cluster.getStatus().getRestoredTime().isEmpty();
  }

  /** Someone asked the health-monitor to observe and report only (e.g. during manual repairs). */
  public static boolean clusteringStopped(MySQLCluster cluster) {
    return annotation(cluster, Annotations.CLUSTERING_STOPPED).equals(Annotations.TRUE);
  }

  private static String annotation(HasMetadata object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? "" : annotations.getOrDefault(key, "");
  }
}
