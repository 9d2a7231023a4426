package dev.moco4j.backup.format;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;
import java.util.List;

/**
 * What one backup holds and where it came from; stored as {@code manifest.json}, the last object a
 * backup writes.
 *
 * <p>Object names ({@code chunks}, {@code objects[].key}) are relative to the backup's directory
 * (see {@link BackupPaths}). Times are UTC instants, written as ISO-8601.
 */
public record BackupManifest(
    int formatVersion,
    String moco4jVersion,
    String namespace,
    String cluster,
    BackupId backupId,
    Source source,
    String gtidSet,
    BinlogPosition binlog,
    Instant startTime,
    Instant endTime,
    List<TableEntry> tables,
    List<ObjectEntry> objects,
    List<String> warnings,
    Verification verification) {

  /** The version this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  public BackupManifest {
    tables = tables == null ? List.of() : List.copyOf(tables);
    objects = objects == null ? List.of() : List.copyOf(objects);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A copy with the result of a restore drill recorded. */
  public BackupManifest withVerification(Verification result) {
    return new BackupManifest(
        formatVersion,
        moco4jVersion,
        namespace,
        cluster,
        backupId,
        source,
        gtidSet,
        binlog,
        startTime,
        endTime,
        tables,
        objects,
        warnings,
        result);
  }

  /** The instance the dump was taken from. */
  public record Source(int index, String serverUuid) {}

  /** The source's binlog coordinates at the dump's consistent snapshot. */
  public record BinlogPosition(String file, long position) {}

  /**
   * One table's data.
   *
   * @param rows the number of rows written
   * @param checksum see {@link TableChecksum}: re-computable from the chunks while loading and from
   *     the loaded table afterwards
   * @param chunks the table's data objects, in primary-key order
   */
  public record TableEntry(
      String database, String table, long rows, String checksum, List<String> chunks) {
    public TableEntry {
      chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }
  }

  /**
   * One object of the backup as stored.
   *
   * @param size bytes stored (compressed where the object is)
   * @param sha256 lower-case hex SHA-256 of the stored bytes
   */
  public record ObjectEntry(String key, long size, String sha256) {}

  /** The outcome of the latest restore drill of this backup. */
  public record Verification(VerificationStatus status, Instant time, String detail) {}

  /** How a restore drill ended; a status added by a newer version reads as {@code UNKNOWN}. */
  public enum VerificationStatus {
    PASSED,
    FAILED,
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
