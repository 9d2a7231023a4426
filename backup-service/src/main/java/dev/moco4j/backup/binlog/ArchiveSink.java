package dev.moco4j.backup.binlog;

import dev.moco4j.backup.format.BinlogIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where finished binlog segments go (the bucket in production, a directory in tests). A segment
 * exists once its index is stored: the binlog object is stored first, the index last, so a crash
 * between the two leaves an object that readers ignore and that the archiver later writes again
 * under the same name.
 */
public interface ArchiveSink {

  /** The indexes of every segment archived so far, of every server, in any order. */
  List<BinlogIndex> indexes() throws IOException;

  /**
   * Stores a segment: {@code compressedSegment} (zstd, the bytes whose size and sha256 {@code
   * index} records) under the layout's binlog key, then {@code index}. Storing the same segment
   * again replaces it.
   */
  void store(BinlogIndex index, Path compressedSegment) throws IOException;
}
