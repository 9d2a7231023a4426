package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an instance's PersistentVolumeClaims outlive it, as a StatefulSet's policy says. */
public enum VolumeClaimRetention {
  /** Keep the claims (and the data): the default, as for a StatefulSet. */
  @JsonProperty("Retain")
  RETAIN,
  /** Delete the claims, and with them the data if the storage class deletes released volumes. */
  @JsonProperty("Delete")
  DELETE
}
