package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.PodConditions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each pod's role label and readiness gate condition where a pass decided, patching only what
 * differs from the pod as last seen.
 */
public final class PodStatusWriter {

  private static final Logger LOG = LoggerFactory.getLogger(PodStatusWriter.class);

  private final KubernetesClient client;
  private final KubeCalls calls;
  private final InstantSource clock;

  public PodStatusWriter(KubernetesClient client, KubeCalls calls, InstantSource clock) {
    this.client = client;
    this.calls = calls;
    this.clock = clock;
  }

  public void apply(ClusterPods pods, List<PodRole> roles) {
    for (int i = 0; i < roles.size() && i < pods.size(); i++) {
      PodRole role = roles.get(i);
      pods.pod(i).ifPresent(pod -> apply(pods.namespace(), pod, role));
    }
  }

  private void apply(String namespace, Pod pod, PodRole role) {
    String name = pod.getMetadata().getName();
    Optional<String> label = Optional.ofNullable(labels(pod).get(Labels.ROLE));
    if (!label.equals(role.role())) {
      // A JSON merge patch removes a key set to null: the label goes when the role does.
      String value = role.role().map(r -> "\"" + r + "\"").orElse("null");
      patch(
          namespace,
          name,
          false,
          "{\"metadata\":{\"labels\":{\"" + Labels.ROLE + "\":" + value + "}}}",
          PatchType.JSON_MERGE);
      LOG.info("pod {}: role {} -> {}", name, label.orElse("none"), role.role().orElse("none"));
    }
    String wanted = role.ready() ? "True" : "False";
    if (!wanted.equals(readiness(pod).map(PodCondition::getStatus).orElse(null))) {
      Map<String, Object> condition =
          Map.of(
              "type",
              PodConditions.READY,
              "status",
              wanted,
              "lastTransitionTime",
              clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
      // Pod conditions merge by type under a strategic merge patch: the kubelet's stay as they are.
      patch(
          namespace,
          name,
          true,
          client
              .getKubernetesSerialization()
              .asJson(Map.of("status", Map.of("conditions", List.of(condition)))),
          PatchType.STRATEGIC_MERGE);
      LOG.info("pod {}: {} {}", name, PodConditions.READY, wanted);
    }
  }

  private void patch(String namespace, String name, boolean status, String json, PatchType type) {
    try {
      calls.run(
          () -> {
            PodResource pod = client.pods().inNamespace(namespace).withName(name);
            if (status) {
              pod.subresource("status").patch(PatchContext.of(type), json);
            } else {
              pod.patch(PatchContext.of(type), json);
            }
          });
    } catch (KubernetesClientException e) {
      // A pod deleted since the pass began needs no label; its replacement gets one next pass.
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
    }
  }

  static Map<String, String> labels(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  static Optional<PodCondition> readiness(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> PodConditions.READY.equals(c.getType()))
        .findFirst();
  }
}
