package dev.moco4j.eventbus;

import java.time.Instant;

/**
 * Work for one backup worker: {@code send} on {@link EventBusAddresses#BACKUP_WORK} so exactly one
 * worker takes it. A duplicate may arrive; a worker must not run two backups of one cluster at
 * once.
 *
 * @param backupPolicy the name of the BackupPolicy (in the same namespace) that says where and how
 */
public record BackupRequest(
    int schemaVersion,
    String requestId,
    String namespace,
    String cluster,
    String backupPolicy,
    BackupReason reason,
    Instant requestedAt)
    implements EventBusMessage {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  public BackupRequest {
    schemaVersion = Defaults.schemaVersion(schemaVersion);
    reason = Defaults.orElse(reason, BackupReason.UNKNOWN);
  }

  /** A request written with the current schema version. */
  public BackupRequest(
      String requestId,
      String namespace,
      String cluster,
      String backupPolicy,
      BackupReason reason,
      Instant requestedAt) {
    this(CURRENT_SCHEMA_VERSION, requestId, namespace, cluster, backupPolicy, reason, requestedAt);
  }
}
