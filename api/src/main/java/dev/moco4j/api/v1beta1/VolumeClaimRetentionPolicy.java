package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/**
 * When the instances' PersistentVolumeClaims are deleted; named and valued as a StatefulSet's
 * persistentVolumeClaimRetentionPolicy, which carries it out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record VolumeClaimRetentionPolicy(
    @JsonPropertyDescription(
            "Retain (default) or Delete the claims when the MySQLCluster is deleted.")
        @Default("Retain")
        VolumeClaimRetention whenDeleted,
    @JsonPropertyDescription(
            "Retain (default) or Delete the claims of the instances removed by lowering"
                + " spec.replicas.")
        @Default("Retain")
        VolumeClaimRetention whenScaled) {

  /** Retain on both events, as when the policy is unset. */
  public static final VolumeClaimRetentionPolicy RETAIN_ALL =
      new VolumeClaimRetentionPolicy(VolumeClaimRetention.RETAIN, VolumeClaimRetention.RETAIN);

  /** What to do when the MySQLCluster is deleted; Retain when unset. */
  public VolumeClaimRetention onDelete() {
    return whenDeleted == null ? VolumeClaimRetention.RETAIN : whenDeleted;
  }

  /** What to do with the claims of instances removed by scaling down; Retain when unset. */
  public VolumeClaimRetention onScaleDown() {
    return whenScaled == null ? VolumeClaimRetention.RETAIN : whenScaled;
  }
}
