package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes objects a MySQLCluster should have, built from its spec alone: no I/O, no clock,
 * the same objects for the same spec.
 */
public final class MySQLClusterModel {

  private final ClusterRef cluster;
  private final MySQLClusterSpec spec;
  private final Container mysqld;

  private MySQLClusterModel(ClusterRef cluster, MySQLClusterSpec spec, Container mysqld) {
    this.cluster = cluster;
    this.spec = spec;
    this.mysqld = mysqld;
  }

  /**
   * @throws IllegalArgumentException if the resource lacks what the CRD's schema guarantees (a
   *     name, a namespace, a pod template with a mysqld container, a mysql-data claim template)
   */
  public static MySQLClusterModel fromCrd(MySQLCluster resource) {
    var meta = resource.getMetadata();
    if (meta == null || meta.getName() == null || meta.getNamespace() == null) {
      throw new IllegalArgumentException("a MySQLCluster needs a name and a namespace");
    }
    MySQLClusterSpec spec = resource.getSpec();
    ResourceNames.statefulSet(meta.getName()); // refuses a name too long for derived names
    Container mysqld =
        spec.mysqldContainer()
            .orElseThrow(
                () -> new IllegalArgumentException("spec.podTemplate has no mysqld container"));
    if (mysqld.getImage() == null || mysqld.getImage().isBlank()) {
      throw new IllegalArgumentException("the mysqld container has no image");
    }
    if (spec.dataVolumeClaimTemplate().isEmpty()) {
      throw new IllegalArgumentException("spec.volumeClaimTemplates has no mysql-data template");
    }
    return new MySQLClusterModel(
        new ClusterRef(meta.getName(), meta.getNamespace(), meta.getUid()), spec, mysqld);
  }

  /** The my.cnf from moco4j's defaults and the tenant's entries (its ConfigMap's data). */
  public MyCnf myCnf(Map<String, String> userConfig) {
    return MyCnfModel.build(cluster, mysqld, userConfig);
  }

  /** The StatefulSet whose pods mount the my.cnf ConfigMap {@code myCnfConfigMapName}. */
  public StatefulSet statefulSet(String myCnfConfigMapName) {
    return StatefulSetModel.build(cluster, spec, myCnfConfigMapName);
  }

  public Service headlessService() {
    return ServiceModel.headless(cluster);
  }

  public Service primaryService() {
    return ServiceModel.forRole(cluster, Labels.ROLE_PRIMARY, spec.getPrimaryServiceTemplate());
  }

  public Service replicaService() {
    return ServiceModel.forRole(cluster, Labels.ROLE_REPLICA, spec.getReplicaServiceTemplate());
  }

  /** The budget for 3 or more instances; empty for one (see {@link PodDisruptionBudgetModel}). */
  public Optional<PodDisruptionBudget> podDisruptionBudget() {
    return PodDisruptionBudgetModel.build(cluster, spec.getReplicas());
  }

  /** The MySQL pods' ServiceAccount; it needs no permission, so no token is mounted. */
  public ServiceAccount serviceAccount() {
    return new ServiceAccountBuilder()
        .withMetadata(cluster.metadata(ResourceNames.serviceAccount(cluster.name())))
        .withAutomountServiceAccountToken(false)
        .build();
  }

  /**
   * The operator Secret: the passwords of {@code existing} (null if there is none yet) kept, the
   * missing ones drawn from {@code random}.
   */
  public Secret operatorSecret(Secret existing, SecureRandom random) {
    return SecretModel.operator(cluster, existing, random);
  }

  /** The Secret for applications, with the passwords of the given operator Secret. */
  public Secret userSecret(Secret operatorSecret) {
    return SecretModel.user(cluster, operatorSecret);
  }
}
