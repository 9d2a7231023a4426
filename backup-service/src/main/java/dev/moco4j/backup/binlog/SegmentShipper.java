package dev.moco4j.backup.binlog;

import dev.moco4j.backup.format.BinlogIndex;
import dev.moco4j.backup.format.ObjectDigest;
import dev.moco4j.backup.format.ZstdObjectOutputStream;
import dev.moco4j.binlog.SegmentSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Compresses a finished segment, describes it with a {@link BinlogIndex}, and stores both. */
final class SegmentShipper {

  private final ArchiveSink sink;
  private final Clock clock;

  SegmentShipper(ArchiveSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  ShippedSegment ship(PendingSegment pending) throws IOException {
    SegmentSummary summary = pending.summary();
    Path compressed = summary.file().resolveSibling(summary.file().getFileName() + ".zst");
    ObjectDigest digest;
    try (ZstdObjectOutputStream out =
        new ZstdObjectOutputStream(Files.newOutputStream(compressed))) {
      copy(summary.file(), out);
      out.close();
      digest = out.stored();
    }
    BinlogIndex index =
        new BinlogIndex(
            BinlogIndex.FORMAT_VERSION,
            summary.name(),
            pending.serverUuid(),
            summary.previousGtids().toString(),
            summary.gtids().toString(),
            summary.firstGtid(),
            summary.lastGtid(),
            summary.firstCommitTime(),
            summary.lastCommitTime(),
            summary.size(),
            digest.size(),
            digest.sha256());
    sink.store(index, compressed);
    ShippedSegment shipped = new ShippedSegment(index, clock.instant(), summary.commitMicros());
    Files.deleteIfExists(compressed);
    Files.deleteIfExists(summary.file());
    return shipped;
  }

  private static void copy(Path file, OutputStream out) throws IOException {
    try (var in = Files.newInputStream(file)) {
      in.transferTo(out);
    }
  }
}
