package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.moco4j.api.crd.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What moco4j observed about a MySQLCluster; written by the reconciler and the health-monitor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// Several services write conditions: as a list map keyed by type, server-side apply merges each
// writer's conditions instead of replacing the whole list.
@SchemaCustomizer(value = SchemaMergePatch.class, input = Conditions.LIST_MAP_PATCH)
public class MySQLClusterStatus {

  @JsonPropertyDescription("Standard conditions, one per type.")
  private List<Condition> conditions;

  @JsonPropertyDescription("State of the cluster as last measured.")
  private ClusterState state;

  @JsonPropertyDescription(
      "Index of the primary instance. The single source of truth: changed only by"
          + " compare-and-swap on this resource.")
  @Min(0)
  private Integer currentPrimaryIndex;

  @JsonPropertyDescription("Number of replicas that are ready (replicating, not too delayed).")
  @Min(0)
  private Integer syncedReplicas;

  @JsonPropertyDescription("Number of replicas with errant transactions.")
  @Min(0)
  private Integer errantReplicas;

  @JsonPropertyDescription("Indexes of the instances with errant transactions.")
  private List<Integer> errantReplicaList;

  @JsonPropertyDescription(
      "Errant GTID set of each instance in errantReplicaList, as last measured. With"
          + " spec.errantReplicaRecovery Reinitialize it is recorded here (and in an Event) before"
          + " the instance's data is dropped; the entry goes once the instance is no longer errant.")
  private List<ErrantGtidSet> errantGtidSets;

  @JsonPropertyDescription("Whether the data was cloned from the external replication source.")
  private Boolean cloned;

  @JsonPropertyDescription("When spec.restore finished, RFC 3339.")
  private String restoredTime;

  @JsonPropertyDescription("The last successful backup.")
  private BackupSummary backup;

  @JsonPropertyDescription("What the reconciler last applied.")
  private ReconcileInfo reconcileInfo;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public ClusterState getState() {
    return state;
  }

  public void setState(ClusterState state) {
    this.state = state;
  }

  public Integer getCurrentPrimaryIndex() {
    return currentPrimaryIndex;
  }

  public void setCurrentPrimaryIndex(Integer currentPrimaryIndex) {
    this.currentPrimaryIndex = currentPrimaryIndex;
  }

  public Integer getSyncedReplicas() {
    return syncedReplicas;
  }

  public void setSyncedReplicas(Integer syncedReplicas) {
    this.syncedReplicas = syncedReplicas;
  }

  public Integer getErrantReplicas() {
    return errantReplicas;
  }

  public void setErrantReplicas(Integer errantReplicas) {
    this.errantReplicas = errantReplicas;
  }

  public List<Integer> getErrantReplicaList() {
    return errantReplicaList;
  }

  public void setErrantReplicaList(List<Integer> errantReplicaList) {
    this.errantReplicaList = errantReplicaList;
  }

  public List<ErrantGtidSet> getErrantGtidSets() {
    return errantGtidSets;
  }

  public void setErrantGtidSets(List<ErrantGtidSet> errantGtidSets) {
    this.errantGtidSets = errantGtidSets;
  }

  public Boolean getCloned() {
    return cloned;
  }

  public void setCloned(Boolean cloned) {
    this.cloned = cloned;
  }

  public String getRestoredTime() {
    return restoredTime;
  }

  public void setRestoredTime(String restoredTime) {
    this.restoredTime = restoredTime;
  }

  public BackupSummary getBackup() {
    return backup;
  }

  public void setBackup(BackupSummary backup) {
    this.backup = backup;
  }

  public ReconcileInfo getReconcileInfo() {
    return reconcileInfo;
  }

  public void setReconcileInfo(ReconcileInfo reconcileInfo) {
    this.reconcileInfo = reconcileInfo;
  }
}
