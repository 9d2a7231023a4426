package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.PodTemplate;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The MySQL pods' spec: the tenant's pod spec with moco4j's init container, mysqld and volumes. */
final class PodSpecModel {

  /** Used when the tenant sets none: Kubernetes' 30 s leaves little after the preStop pause. */
  static final long DEFAULT_GRACE_SECONDS = 60;

  /** The longest preStop pause; a switchover takes seconds once the health-monitor sees it. */
  static final long MAX_PRE_STOP_SECONDS = 20;

  /** The mysql user of the official MySQL images. */
  static final long MYSQL_UID = 999;

  private PodSpecModel() {}

  static PodSpec build(String cluster, int serverIdBase, PodSpec tenant, String myCnfName) {
    PodSpec spec = CanonicalJson.copy(tenant, PodSpec.class);
    long grace =
        spec.getTerminationGracePeriodSeconds() == null
            ? DEFAULT_GRACE_SECONDS
            : spec.getTerminationGracePeriodSeconds();
    spec.setTerminationGracePeriodSeconds(grace);
    Container tenantMysqld =
        spec.getContainers().stream()
            .filter(c -> PodTemplate.MYSQLD_CONTAINER.equals(c.getName()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("the pod template has no mysqld"));
    Container mysqld = MysqldContainerModel.build(tenantMysqld, (int) preStopSeconds(grace));
    spec.setContainers(
        spec.getContainers().stream().map(c -> c == tenantMysqld ? mysqld : c).toList());
    List<Container> init = new ArrayList<>();
    init.add(InitContainerModel.build(cluster, serverIdBase, tenantMysqld));
    spec.getInitContainers().stream()
        .filter(c -> !InitContainerModel.NAME.equals(c.getName()))
        .forEach(init::add);
    spec.setInitContainers(init);
    spec.setVolumes(volumes(spec.getVolumes(), myCnfName));
    spec.setReadinessGates(readinessGates(spec.getReadinessGates()));
    if (spec.getServiceAccountName() == null) {
      spec.setServiceAccountName(ResourceNames.serviceAccount(cluster));
    }
    if (spec.getAutomountServiceAccountToken() == null) {
      // Nothing in a MySQL pod talks to the API server.
      spec.setAutomountServiceAccountToken(false);
    }
    if (spec.getSecurityContext() == null) {
      // fsGroup makes a new volume writable by mysqld, which runs as the image's mysql user.
      spec.setSecurityContext(
          new PodSecurityContextBuilder()
              .withRunAsUser(MYSQL_UID)
              .withRunAsGroup(MYSQL_UID)
              .withFsGroup(MYSQL_UID)
              .withRunAsNonRoot(true)
              .build());
    }
    if (spec.getAffinity() == null) {
      spec.setAffinity(spreadOverNodes(cluster));
    }
    return spec;
  }

  /**
   * A third of the grace period at most, so that mysqld keeps two thirds after SIGTERM for a clean
   * shutdown (flushing dirty pages), and never more than {@link #MAX_PRE_STOP_SECONDS}.
   */
  static long preStopSeconds(long graceSeconds) {
    return Math.min(MAX_PRE_STOP_SECONDS, graceSeconds / 3);
  }

  private static List<Volume> volumes(List<Volume> tenant, String myCnfName) {
    List<Volume> ours =
        List.of(
            new VolumeBuilder()
                .withName(MysqlPaths.MYCNF_VOLUME)
                .withNewConfigMap()
                .withName(myCnfName)
                .endConfigMap()
                .build(),
            new VolumeBuilder()
                .withName(MysqlPaths.RUN_VOLUME)
                .withNewEmptyDir()
                .endEmptyDir()
                .build(),
            new VolumeBuilder()
                .withName(MysqlPaths.TMP_VOLUME)
                .withNewEmptyDir()
                .endEmptyDir()
                .build());
    Set<String> names =
        Set.of(MysqlPaths.MYCNF_VOLUME, MysqlPaths.RUN_VOLUME, MysqlPaths.TMP_VOLUME);
    List<Volume> result = new ArrayList<>();
    tenant.stream().filter(v -> !names.contains(v.getName())).forEach(result::add);
    result.addAll(ours);
    return result;
  }

  private static List<PodReadinessGate> readinessGates(List<PodReadinessGate> tenant) {
    List<PodReadinessGate> result = new ArrayList<>();
    result.add(new PodReadinessGate(PodConditions.READY));
    tenant.stream()
        .filter(g -> !PodConditions.READY.equals(g.getConditionType()))
        .forEach(result::add);
    return result;
  }

  /** Preferably one instance per node, so that one node's loss takes at most one instance. */
  private static io.fabric8.kubernetes.api.model.Affinity spreadOverNodes(String cluster) {
    return new AffinityBuilder()
        .withNewPodAntiAffinity()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(100)
        .withNewPodAffinityTerm()
        .withNewLabelSelector()
        .withMatchLabels(Labels.selector(cluster))
        .endLabelSelector()
        .withTopologyKey("kubernetes.io/hostname")
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity()
        .build();
  }
}
