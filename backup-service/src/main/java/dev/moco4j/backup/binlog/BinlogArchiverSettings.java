package dev.moco4j.backup.binlog;

import dev.moco4j.mysql.ConnectionSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How one cluster's archiver runs.
 *
 * @param connection the replication user (needs REPLICATION SLAVE and REPLICATION CLIENT)
 * @param serverId the server_id the archiver presents as a replica: unique among the primary's
 *     replicas, or the primary drops the older connection with the same id
 * @param interval how often a segment is shipped (and the primary re-checked)
 * @param spoolDir where segments are written before they are shipped
 * @param retryDelay the pause after a failed connection or upload
 */
public record BinlogArchiverSettings(
    ConnectionSettings connection,
    long serverId,
    Duration interval,
    Path spoolDir,
    Duration retryDelay) {

  public BinlogArchiverSettings {
    if (serverId < 1 || serverId > 0xffff_ffffL) {
      throw new IllegalArgumentException("serverId must be 1..2^32-1, got " + serverId);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
  }
}
