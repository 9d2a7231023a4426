package dev.moco4j.eventbus;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** An operator command a user (through the kubectl plugin) asks a service to carry out. */
public enum Command {
  /** Planned change of primary; handled by the health-monitor. */
  SWITCHOVER,
  /** Pause the clustering loop of one cluster; handled by the health-monitor. */
  STOP_CLUSTERING,
  /** Resume the clustering loop of one cluster; handled by the health-monitor. */
  START_CLUSTERING,
  /** Take a backup outside the schedule; handled by the backup-service. */
  BACKUP_NOW,
  /** A command added by a newer writer: the receiver rejects it. */
  @JsonEnumDefaultValue
  UNKNOWN
}
