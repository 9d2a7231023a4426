package dev.moco4j.backup.binlog;

import dev.moco4j.backup.format.BinlogIndex;
import java.time.Instant;

/**
 * A segment that reached the sink.
 *
 * @param shippedAt when its index was stored
 * @param commitMicros each of its transactions' original commit time (for the archive lag)
 */
public record ShippedSegment(BinlogIndex index, Instant shippedAt, long[] commitMicros) {}
