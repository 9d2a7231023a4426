package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import java.util.Optional;

/**
 * What a tenant asks for: the MySQL instances, their pods and storage, and where data comes from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// The restore-service only loads into an empty cluster, so a restore added to (or changed on) a
// running cluster could never happen and would leave it reporting Restoring for ever.
@ValidationRule(
    value =
        "has(self.restore) == has(oldSelf.restore)"
            + " && (!has(self.restore) || self.restore == oldSelf.restore)",
    message =
        "spec.restore is immutable: it can only be set when the MySQLCluster is created and cannot"
            + " be added, changed or removed afterwards; to restore again, create a new MySQLCluster")
// Both would fill the same empty first instance, from two different sources.
@ValidationRule(
    value = "!has(self.restore) || !has(self.replicationSourceSecretName)",
    message =
        "spec.restore and spec.replicationSourceSecretName cannot both be set: a cluster is"
            + " initialized either from a backup or from an external MySQL, not both")
public class MySQLClusterSpec {

  @JsonPropertyDescription(
      "Number of MySQL instances: a positive odd number (1, 3, 5, ...) so that a majority exists.")
  @Min(1)
  @Default("1")
  @ValidationRule(
      value = "self % 2 == 1",
      message =
          "spec.replicas must be a positive odd number (1, 3, 5, ...) so that a majority of"
              + " instances can acknowledge writes; set it to an odd number")
  private int replicas = 1;

  @JsonPropertyDescription(
      "Template of the MySQL pods. It must have a container named mysqld: its image is the MySQL"
          + " version, its resources the CPU and memory.")
  @Required
  @ValidationRule(
      value =
          "has(self.spec.containers) && self.spec.containers.exists(c, c.name == '"
              + PodTemplate.MYSQLD_CONTAINER
              + "')",
      message =
          "spec.podTemplate.spec.containers must include a container named mysqld: add one whose"
              + " image is the MySQL server image (e.g. mysql:8.4) and whose resources are the"
              + " instance's CPU and memory")
  // The image is the MySQL version: without one the StatefulSet cannot be created, and nothing
  // else in the spec could stand in for it.
  @ValidationRule(
      value =
          "!has(self.spec.containers) || self.spec.containers.all(c, !has(c.name) || c.name != '"
              + PodTemplate.MYSQLD_CONTAINER
              + "' || (has(c.image) && size(c.image) > 0))",
      message =
          "spec.podTemplate.spec.containers: the mysqld container needs an image: set its image to"
              + " the MySQL server image to run, e.g. mysql:8.4")
  private PodTemplate podTemplate;

  @JsonPropertyDescription(
      "Templates of the instances' PersistentVolumeClaims. One must be named mysql-data: its"
          + " storage request is the size of the MySQL data volume.")
  @Required
  @Size(min = 1, max = VolumeClaimTemplate.MAX_TEMPLATES)
  @ValidationRule(
      value =
          "self.exists(t, has(t.metadata.name) && t.metadata.name == '"
              + VolumeClaimTemplate.MYSQL_DATA
              + "')",
      message =
          "spec.volumeClaimTemplates must include one named mysql-data: add a template with"
              + " metadata.name mysql-data whose resources.requests.storage is the data volume size")
  // The claim's size is the data volume's size; there is no sensible default to fall back on.
  @ValidationRule(
      value =
          "self.all(t, !has(t.metadata.name) || t.metadata.name != '"
              + VolumeClaimTemplate.MYSQL_DATA
              + "' || (has(t.spec.resources) && has(t.spec.resources.requests)"
              + " && 'storage' in t.spec.resources.requests))",
      message =
          "spec.volumeClaimTemplates: the mysql-data template needs spec.resources.requests.storage:"
              + " set it to the size of the MySQL data volume, e.g. 10Gi")
  @ValidationRule(
      value =
          "self.all(a, !has(a.metadata.name) || self.exists_one(b, has(b.metadata.name)"
              + " && b.metadata.name == a.metadata.name))",
      message = "spec.volumeClaimTemplates must have distinct metadata.name values")
  private List<VolumeClaimTemplate> volumeClaimTemplates;

  @JsonPropertyDescription(
      "Name of a ConfigMap in the cluster's namespace whose entries are my.cnf parameters"
          + " (name: value) applied on top of moco4j's defaults.")
  @Size(max = 253)
  @ValidationRule(
      value = ObjectNames.SUBDOMAIN_RULE,
      message =
          "spec.mysqlConfigMapName must be the name of a ConfigMap:"
              + ObjectNames.SUBDOMAIN_FORM
              + "; or leave the field out")
  private String mysqlConfigMapName;

  @JsonPropertyDescription("Overrides for the <name>-primary Service (writes).")
  private ServiceTemplate primaryServiceTemplate;

  @JsonPropertyDescription("Overrides for the <name>-replica Service (reads).")
  private ServiceTemplate replicaServiceTemplate;

  @JsonPropertyDescription(
      "Name of a Secret with host, port, user and password of an external MySQL. When set, the"
          + " cluster's primary is an intermediate primary: read-only, replicating from it.")
  @Size(max = 253)
  @ValidationRule(
      value = ObjectNames.SUBDOMAIN_RULE,
      message =
          "spec.replicationSourceSecretName must be the name of a Secret:"
              + ObjectNames.SUBDOMAIN_FORM
              + "; or leave the field out")
  private String replicationSourceSecretName;

  @JsonPropertyDescription("Name of the BackupPolicy, in the same namespace, that backs it up.")
  @Size(max = 253)
  @ValidationRule(
      value = ObjectNames.SUBDOMAIN_RULE,
      message =
          "spec.backupPolicyName must be the name of a BackupPolicy:"
              + ObjectNames.SUBDOMAIN_FORM
              + "; or leave the field out")
  private String backupPolicyName;

  @JsonPropertyDescription(
      "Create the cluster from a backup, up to a point in time. Can only be set at creation.")
  private RestoreSpec restore;

  @JsonPropertyDescription(
      "server_id of instance 0; instance i gets serverIDBase + i. Immutable: binlogs and replicas"
          + " keep the server_id they saw. Give clusters that replicate from each other"
          + " different ranges.")
  @Min(1)
  // Keeps serverIDBase + index within a Java int and MySQL's 32-bit server_id.
  @Max(2_000_000_000)
  @Default("1")
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "spec.serverIDBase is immutable: running instances keep their server_id; create a new"
              + " MySQLCluster to use another range")
  private int serverIDBase = 1;

  @JsonPropertyDescription(
      "A replica whose replication delay exceeds this many seconds is not ready (not served by"
          + " the replica Service). 0 disables the check.")
  @Min(0)
  @Default("60")
  private int maxDelaySeconds = 60;

  @JsonPropertyDescription(
      "What to do with a replica found with errant transactions (ones the primary never had)."
          + " Never (default): keep it out of replication and the replica Service for a person to"
          + " decide. Reinitialize: record its errant GTID set in status.errantGtidSets and in an"
          + " Event, then drop its data and seed it again from a healthy instance; never the"
          + " primary, only while the cluster is Healthy or Degraded, one instance at a time.")
  @Default("Never")
  private ErrantReplicaRecovery errantReplicaRecovery = ErrantReplicaRecovery.NEVER;

  @JsonPropertyDescription(
      "Whether the instances' PersistentVolumeClaims, and so their data, are deleted when the"
          + " MySQLCluster is deleted (whenDeleted) or when lowering spec.replicas removes instances"
          + " (whenScaled). Each is Retain (default) or Delete, as in a StatefulSet's"
          + " persistentVolumeClaimRetentionPolicy.")
  private VolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy;

  /** The container that runs mysqld, if the template has one (the API server ensures it does). */
  public Optional<Container> mysqldContainer() {
    return podTemplate == null ? Optional.empty() : podTemplate.mysqldContainer();
  }

  /** The claim template of the MySQL data volume, if present (the API server ensures it is). */
  public Optional<VolumeClaimTemplate> dataVolumeClaimTemplate() {
    return volumeClaimTemplates == null
        ? Optional.empty()
        : volumeClaimTemplates.stream()
            .filter(t -> VolumeClaimTemplate.MYSQL_DATA.equals(t.name()))
            .findFirst();
  }

  /** When the claims are deleted; Retain for both events when unset. */
  public VolumeClaimRetentionPolicy volumeClaimRetention() {
    return persistentVolumeClaimRetentionPolicy == null
        ? VolumeClaimRetentionPolicy.RETAIN_ALL
        : persistentVolumeClaimRetentionPolicy;
  }

  /** Whether the primary replicates from an external MySQL (it is an intermediate primary). */
  public boolean replicatesFromExternalSource() {
    return replicationSourceSecretName != null && !replicationSourceSecretName.isEmpty();
  }

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }

  public PodTemplate getPodTemplate() {
    return podTemplate;
  }

  public void setPodTemplate(PodTemplate podTemplate) {
    this.podTemplate = podTemplate;
  }

  public List<VolumeClaimTemplate> getVolumeClaimTemplates() {
    return volumeClaimTemplates;
  }

  public void setVolumeClaimTemplates(List<VolumeClaimTemplate> volumeClaimTemplates) {
    this.volumeClaimTemplates = volumeClaimTemplates;
  }

  public String getMysqlConfigMapName() {
    return mysqlConfigMapName;
  }

  public void setMysqlConfigMapName(String mysqlConfigMapName) {
    this.mysqlConfigMapName = mysqlConfigMapName;
  }

  public ServiceTemplate getPrimaryServiceTemplate() {
    return primaryServiceTemplate;
  }

  public void setPrimaryServiceTemplate(ServiceTemplate primaryServiceTemplate) {
    this.primaryServiceTemplate = primaryServiceTemplate;
  }

  public ServiceTemplate getReplicaServiceTemplate() {
    return replicaServiceTemplate;
  }

  public void setReplicaServiceTemplate(ServiceTemplate replicaServiceTemplate) {
    this.replicaServiceTemplate = replicaServiceTemplate;
  }

  public String getReplicationSourceSecretName() {
    return replicationSourceSecretName;
  }

  public void setReplicationSourceSecretName(String replicationSourceSecretName) {
    this.replicationSourceSecretName = replicationSourceSecretName;
  }

  public String getBackupPolicyName() {
    return backupPolicyName;
  }

  public void setBackupPolicyName(String backupPolicyName) {
    this.backupPolicyName = backupPolicyName;
  }

  public RestoreSpec getRestore() {
    return restore;
  }

  public void setRestore(RestoreSpec restore) {
    this.restore = restore;
  }

  public int getServerIDBase() {
    return serverIDBase;
  }

  public void setServerIDBase(int serverIDBase) {
    this.serverIDBase = serverIDBase;
  }

  public int getMaxDelaySeconds() {
    return maxDelaySeconds;
  }

  public void setMaxDelaySeconds(int maxDelaySeconds) {
    this.maxDelaySeconds = maxDelaySeconds;
  }

  public ErrantReplicaRecovery getErrantReplicaRecovery() {
    return errantReplicaRecovery;
  }

  public void setErrantReplicaRecovery(ErrantReplicaRecovery errantReplicaRecovery) {
    this.errantReplicaRecovery = errantReplicaRecovery;
  }

  public VolumeClaimRetentionPolicy getPersistentVolumeClaimRetentionPolicy() {
    return persistentVolumeClaimRetentionPolicy;
  }

  public void setPersistentVolumeClaimRetentionPolicy(
      VolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy) {
    this.persistentVolumeClaimRetentionPolicy = persistentVolumeClaimRetentionPolicy;
  }
}
