package dev.moco4j.backup.binlog;

import dev.moco4j.backup.format.BinlogIndex;
import dev.moco4j.backup.format.BucketLayout;
import dev.moco4j.backup.format.FormatJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** An {@link ArchiveSink} on a local directory laid out like the bucket (keys become paths). */
public final class LocalDirectorySink implements ArchiveSink {

  private final Path root;
  private final BucketLayout layout;

  public LocalDirectorySink(Path root, BucketLayout layout) {
    this.root = root;
    this.layout = layout;
  }

  @Override
  public List<BinlogIndex> indexes() throws IOException {
    Path binlogs = root.resolve(layout.binlogsPrefix());
    if (!Files.isDirectory(binlogs)) {
      return List.of();
    }
    List<BinlogIndex> indexes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(binlogs)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = root.relativize(file).toString();
        if (BucketLayout.isBinlogIndex(key)) {
          indexes.add(FormatJson.readBinlogIndex(key, Files.readAllBytes(file)));
        }
      }
    }
    return indexes;
  }

  @Override
  public void store(BinlogIndex index, Path compressedSegment) throws IOException {
    Path object = binlogPath(index);
    Files.createDirectories(object.getParent());
    Path partial = object.resolveSibling(object.getFileName() + ".partial");
    Files.copy(compressedSegment, partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, object, StandardCopyOption.REPLACE_EXISTING);
    Path indexPath = root.resolve(layout.binlogIndex(index.serverUuid(), index.file()));
    Path indexPartial = indexPath.resolveSibling(indexPath.getFileName() + ".partial");
    Files.write(indexPartial, FormatJson.write(index));
    Files.move(indexPartial, indexPath, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Where the compressed binlog of a stored segment is. */
  public Path binlogPath(BinlogIndex index) {
    return root.resolve(layout.binlog(index.serverUuid(), index.file()));
  }
}
