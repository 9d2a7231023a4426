package dev.moco4j.healthmonitor;

import dev.moco4j.api.names.Annotations;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which pod updates deserve an immediate pass. The loop's own label and readiness patches do not:
 * answering them would run a pass per pass.
 */
final class PodChanges {

  private PodChanges() {}

  static boolean relevant(Pod before, Pod after) {
    return !Objects.equals(before.getMetadata().getUid(), after.getMetadata().getUid())
        || !Objects.equals(ip(before), ip(after))
        || !Objects.equals(
            before.getMetadata().getDeletionTimestamp(), after.getMetadata().getDeletionTimestamp())
        || !Objects.equals(demote(before), demote(after))
        || !containers(before).equals(containers(after));
  }

  private static String ip(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPodIP();
  }

  private static String demote(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(Annotations.DEMOTE);
  }

  /** A container that restarted or became (un)ready: its mysqld may have come or gone. */
  private static List<String> containers(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return List.of();
    }
    return pod.getStatus().getContainerStatuses().stream().map(PodChanges::describe).toList();
  }

  private static String describe(ContainerStatus status) {
    return status.getName()
        + "/"
        + status.getRestartCount()
        + "/"
        + status.getStarted()
        + "/"
        + status.getReady();
  }
}
