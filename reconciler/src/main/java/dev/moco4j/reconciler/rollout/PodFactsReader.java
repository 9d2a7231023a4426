package dev.moco4j.reconciler.rollout;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.PodConditions;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;

/** Reads {@link PodFacts} from a pod as the API server returns it. */
public final class PodFactsReader {

  private PodFactsReader() {}

  /** Empty for a pod whose name does not end in {@code <statefulset>-<index>}. */
  public static Optional<PodFacts> read(String statefulSet, Pod pod) {
    String name = pod.getMetadata().getName();
    String prefix = statefulSet + "-";
    if (!name.startsWith(prefix) || !name.substring(prefix.length()).matches("[0-9]{1,9}")) {
      return Optional.empty();
    }
    Map<String, String> annotations = orEmpty(pod.getMetadata().getAnnotations());
    Map<String, String> labels = orEmpty(pod.getMetadata().getLabels());
    return Optional.of(
        new PodFacts(
            name,
            Integer.parseInt(name.substring(prefix.length())),
            annotations.get(Annotations.RESTART_HASH),
            conditionTrue(pod, "Ready"),
            conditionTrue(pod, PodConditions.READY),
            pod.getMetadata().getDeletionTimestamp() != null,
            Labels.ROLE_PRIMARY.equals(labels.get(Labels.ROLE)),
            Annotations.TRUE.equals(annotations.get(Annotations.DEMOTE))));
  }

  private static boolean conditionTrue(Pod pod, String type) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
