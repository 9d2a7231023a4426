package dev.moco4j.eventbus;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a backup ended. */
public enum BackupOutcome {
  /** The manifest was written: the backup exists. */
  SUCCEEDED,
  /** No manifest was written: whatever was uploaded is not a backup. */
  FAILED,
  /** An outcome added by a newer writer, or none given. */
  @JsonEnumDefaultValue
  UNKNOWN
}
