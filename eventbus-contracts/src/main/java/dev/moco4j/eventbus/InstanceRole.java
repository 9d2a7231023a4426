package dev.moco4j.eventbus;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The role an instance holds in its cluster. */
public enum InstanceRole {
  PRIMARY,
  REPLICA,
  /** Excluded from the cluster (errant, or not yet configured): it carries no role label. */
  NONE,
  /** A role added by a newer writer, or none given. */
  @JsonEnumDefaultValue
  UNKNOWN
}
