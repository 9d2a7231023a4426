package dev.moco4j.eventbus;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why a backup was requested. */
public enum BackupReason {
  /** The BackupPolicy's schedule came due. */
  SCHEDULED,
  /** A user asked for it (BACKUP_NOW). */
  ON_DEMAND,
  /** A reason added by a newer writer, or none given. */
  @JsonEnumDefaultValue
  UNKNOWN
}
