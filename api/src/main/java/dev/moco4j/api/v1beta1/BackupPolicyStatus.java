package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.moco4j.api.crd.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What the backup-service last did for a BackupPolicy, over all the clusters that use it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(value = SchemaMergePatch.class, input = Conditions.LIST_MAP_PATCH)
public class BackupPolicyStatus {

  @JsonPropertyDescription("Standard conditions, one per type.")
  private List<Condition> conditions;

  @JsonPropertyDescription("When the last successful backup started, RFC 3339.")
  private String lastSuccessfulBackupTime;

  @JsonPropertyDescription("When the last failed backup started, RFC 3339.")
  private String lastFailedBackupTime;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getLastSuccessfulBackupTime() {
    return lastSuccessfulBackupTime;
  }

  public void setLastSuccessfulBackupTime(String lastSuccessfulBackupTime) {
    this.lastSuccessfulBackupTime = lastSuccessfulBackupTime;
  }

  public String getLastFailedBackupTime() {
    return lastFailedBackupTime;
  }

  public void setLastFailedBackupTime(String lastFailedBackupTime) {
    this.lastFailedBackupTime = lastFailedBackupTime;
  }
}
