package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.gtid.GtidSet;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link LogicalCopy} copied.
 *
 * @param gtids the donor's gtid_executed at the snapshot, now the recipient's gtid_purged
 * @param bytes the size of the INSERT statements sent, a rough measure of the data moved
 */
public record CopyResult(
    GtidSet gtids,
    List<String> schemas,
    int tables,
    int views,
    int storedPrograms,
    int accounts,
    long rows,
    long bytes,
    Duration duration) {

  public CopyResult {
    schemas = List.copyOf(schemas);
  }
}
