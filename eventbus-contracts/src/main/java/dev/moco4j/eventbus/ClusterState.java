package dev.moco4j.eventbus;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The state of a MySQL cluster as the health-monitor decided it from gathered facts. */
public enum ClusterState {
  HEALTHY,
  DEGRADED,
  FAILED,
  LOST,
  CLONING,
  RESTORING,
  INCOMPLETE,
  /** A state added by a newer writer, or none given; readers must not act on it. */
  @JsonEnumDefaultValue
  UNKNOWN
}
