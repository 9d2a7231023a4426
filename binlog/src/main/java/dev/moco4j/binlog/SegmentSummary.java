package dev.moco4j.binlog;

import dev.moco4j.mysql.gtid.GtidSet;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A finished segment file: a valid binlog holding whole transactions only.
 *
 * @param name the segment's name in the archive
 * @param previousGtids what its {@code Previous_gtids} event says
 * @param gtids the transactions it holds
 * @param commitMicros each transaction's original commit time, in file order
 */
public record SegmentSummary(
    String name,
    Path file,
    long size,
    GtidSet previousGtids,
    GtidSet gtids,
    String firstGtid,
    String lastGtid,
    long[] commitMicros) {

  public int transactions() {
    return commitMicros.length;
  }

  public Instant firstCommitTime() {
    return Instant.EPOCH.plus(commitMicros[0], ChronoUnit.MICROS);
  }

  public Instant lastCommitTime() {
    return Instant.EPOCH.plus(commitMicros[commitMicros.length - 1], ChronoUnit.MICROS);
  }
}
