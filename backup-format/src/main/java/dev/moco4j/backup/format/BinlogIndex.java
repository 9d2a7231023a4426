package dev.moco4j.backup.format;

import java.time.Instant;

/**
 * The small description stored next to each uploaded binlog, so that a point-in-time restore picks
 * the binlogs it needs from their indexes without downloading the binlogs.
 *
 * @param file the binlog's name on the source, e.g. {@code binlog.000042}
 * @param serverUuid the server_uuid of the instance that wrote it
 * @param previousGtids the {@code Previous_gtids} of the file: transactions executed before it
 * @param gtidSet the transactions the file holds, empty when it holds none
 * @param firstGtid the first transaction in the file, null when it holds none
 * @param lastGtid the last transaction in the file, null when it holds none
 * @param firstEventTime the timestamp of the file's first event
 * @param lastEventTime the timestamp of the file's last event
 * @param uncompressedSize the binlog's size on the source
 * @param size bytes stored (zstd-compressed)
 * @param sha256 lower-case hex SHA-256 of the stored bytes
 */
public record BinlogIndex(
    int formatVersion,
    String file,
    String serverUuid,
    String previousGtids,
    String gtidSet,
    String firstGtid,
    String lastGtid,
    Instant firstEventTime,
    Instant lastEventTime,
    long uncompressedSize,
    long size,
    String sha256) {

  /** The version this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;
}
