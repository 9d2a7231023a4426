package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLClusterSpec;
import dev.moco4j.api.v1beta1.ObjectMetaTemplate;
import dev.moco4j.api.v1beta1.VolumeClaimRetention;
import dev.moco4j.api.v1beta1.VolumeClaimTemplate;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster's StatefulSet. Pods are replaced only by moco4j ({@code OnDelete}): replicas first,
 * the primary after a switchover. {@code Parallel} starts every instance at once; their order is
 * the health-monitor's business, not the StatefulSet controller's.
 */
final class StatefulSetModel {

  private StatefulSetModel() {}

  static StatefulSet build(ClusterRef cluster, MySQLClusterSpec spec, String myCnfName) {
    ObjectMetaTemplate podMeta = spec.getPodTemplate().metadata();
    Map<String, String> labels =
        merged(podMeta == null ? null : podMeta.labels(), Labels.standard(cluster.name()));
    Map<String, String> annotations =
        merged(
            podMeta == null ? null : podMeta.annotations(),
            Map.of(Annotations.RESTART_HASH, RestartHash.of(spec, myCnfName)));
    return new StatefulSetBuilder()
        .withMetadata(cluster.metadata(ResourceNames.statefulSet(cluster.name())))
        .withNewSpec()
        .withReplicas(spec.getReplicas())
        .withServiceName(ResourceNames.headlessService(cluster.name()))
        .withPodManagementPolicy("Parallel")
        // The StatefulSet controller carries out the user's choice: claims are deleted with the
        // StatefulSet (which goes with the MySQLCluster it is owned by) or on scale-down only
        // when asked; by default the data outlives both.
        .withNewPersistentVolumeClaimRetentionPolicy()
        .withWhenDeleted(policyValue(spec.volumeClaimRetention().onDelete()))
        .withWhenScaled(policyValue(spec.volumeClaimRetention().onScaleDown()))
        .endPersistentVolumeClaimRetentionPolicy()
        .withNewUpdateStrategy()
        .withType("OnDelete")
        .endUpdateStrategy()
        .withNewSelector()
        .withMatchLabels(Labels.selector(cluster.name()))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withSpec(
            PodSpecModel.build(
                cluster.name(), spec.getServerIDBase(), spec.getPodTemplate().spec(), myCnfName))
        .endTemplate()
        .withVolumeClaimTemplates(
            spec.getVolumeClaimTemplates().stream().map(t -> claim(cluster, t)).toList())
        .endSpec()
        .build();
  }

  private static PersistentVolumeClaim claim(ClusterRef cluster, VolumeClaimTemplate template) {
    ObjectMetaTemplate meta = template.metadata();
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(meta.name())
        .withLabels(merged(meta.labels(), Labels.standard(cluster.name())))
        .withAnnotations(meta.annotations() == null ? null : new TreeMap<>(meta.annotations()))
        .endMetadata()
        .withSpec(CanonicalJson.copy(template.spec(), PersistentVolumeClaimSpec.class))
        .build();
  }

  /** The tenant's entries, then moco4j's, which win: selectors and hashes must hold. */
  static Map<String, String> merged(Map<String, String> tenant, Map<String, String> ours) {
    Map<String, String> result = new TreeMap<>();
    if (tenant != null) {
      result.putAll(tenant);
    }
    result.putAll(ours);
    return result;
  }

  private static String policyValue(VolumeClaimRetention retention) {
    return switch (retention) {
      case RETAIN -> "Retain";
      case DELETE -> "Delete";
    };
  }
}
