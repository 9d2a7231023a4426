package dev.moco4j.mysql;

/**
 * The semi-synchronous replication settings in force on an instance that has both plugins loaded.
 *
 * @param timeoutMillis {@code rpl_semi_sync_source_timeout}: how long the primary waits for
 *     acknowledgements before it falls back to asynchronous replication
 * @param waitPoint {@code rpl_semi_sync_source_wait_point}: {@code AFTER_SYNC} or {@code
 *     AFTER_COMMIT}
 */
public record SemiSyncSettings(
    boolean sourceEnabled,
    int waitForReplicaCount,
    long timeoutMillis,
    boolean replicaEnabled,
    String waitPoint) {}
