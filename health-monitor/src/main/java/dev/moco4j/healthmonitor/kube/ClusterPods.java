package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.names.ResourceNames;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A cluster's pods by instance index, as the StatefulSet names them; an index whose pod does not
 * exist (yet) has none.
 */
public record ClusterPods(String namespace, String cluster, List<Optional<Pod>> pods) {

  public ClusterPods {
    pods = List.copyOf(pods);
  }

  /** Looks up each instance's pod by name in {@code byName} (name to pod). */
  public static ClusterPods of(
      String namespace, String cluster, int instances, Map<String, Pod> byName) {
    return new ClusterPods(
        namespace,
        cluster,
        IntStream.range(0, instances)
            .mapToObj(i -> Optional.ofNullable(byName.get(ResourceNames.podName(cluster, i))))
            .toList());
  }

  public int size() {
    return pods.size();
  }

  public Optional<Pod> pod(int index) {
    return pods.get(index);
  }
}
