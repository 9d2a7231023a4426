package dev.moco4j.eventbus;

import java.time.Instant;

/**
 * How a {@link BackupRequest} ended, published on {@link EventBusAddresses#BACKUP_RESULTS}.
 *
 * @param requestId the request's id
 * @param backupPrefix the bucket key prefix holding the backup, {@code
 *     <prefix>/<namespace>/<cluster>/<YYYYMMDD-hhmmss>/}; null when nothing was written
 * @param gtidSet the {@code gtid_executed} the dump is consistent with; null on failure
 * @param dumpBytes bytes of dump files stored in the bucket (compressed)
 * @param binlogBytes bytes of binlog files stored in the bucket with this backup
 * @param error why it failed; null on success
 */
public record BackupResult(
    int schemaVersion,
    String requestId,
    String namespace,
    String cluster,
    BackupOutcome outcome,
    String backupPrefix,
    String gtidSet,
    Instant startedAt,
    Instant finishedAt,
    long dumpBytes,
    long binlogBytes,
    String error)
    implements EventBusMessage {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  public BackupResult {
    schemaVersion = Defaults.schemaVersion(schemaVersion);
    outcome = Defaults.orElse(outcome, BackupOutcome.UNKNOWN);
  }

  /** A result written with the current schema version. */
  public BackupResult(
      String requestId,
      String namespace,
      String cluster,
      BackupOutcome outcome,
      String backupPrefix,
      String gtidSet,
      Instant startedAt,
      Instant finishedAt,
      long dumpBytes,
      long binlogBytes,
      String error) {
    this(
        CURRENT_SCHEMA_VERSION,
        requestId,
        namespace,
        cluster,
        outcome,
        backupPrefix,
        gtidSet,
        startedAt,
        finishedAt,
        dumpBytes,
        binlogBytes,
        error);
  }
}
