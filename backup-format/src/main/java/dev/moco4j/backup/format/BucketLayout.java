package dev.moco4j.backup.format;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every object key of one cluster's backups in the bucket, in one place.
 *
 * <pre>
 * [prefix/]namespace/cluster/
 *   backups/YYYYMMDD-hhmmss/manifest.json        written last: no manifest, no backup
 *   backups/YYYYMMDD-hhmmss/schema/DB.sql
 *   backups/YYYYMMDD-hhmmss/users.sql
 *   backups/YYYYMMDD-hhmmss/data/DB/TABLE/00000001.tsv.zst
 *   binlogs/SERVER_UUID/FILE.zst
 *   binlogs/SERVER_UUID/FILE.index.json
 * </pre>
 *
 * Binlogs are grouped by the server_uuid of the instance that wrote them: after a switchover the
 * new primary numbers its files from its own sequence, so file names alone would collide.
 * Namespace, cluster, database and table names are encoded with {@link KeySegment}.
 */
public final class BucketLayout {

  static final String BACKUPS_DIR = "backups/";
  static final String BINLOGS_DIR = "binlogs/";
  static final String BINLOG_SUFFIX = ".zst";
  static final String BINLOG_INDEX_SUFFIX = ".index.json";

  /** The names mysqld gives binlog files ({@code log_bin_basename} plus a number). */
  private static final Pattern BINLOG_FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private final String clusterPrefix;

  private BucketLayout(String clusterPrefix) {
    this.clusterPrefix = clusterPrefix;
  }

  /**
   * The layout under {@code prefix} (empty for the bucket's root; leading and trailing slashes do
   * not matter) of the cluster {@code namespace/cluster}.
   */
  public static BucketLayout of(String prefix, String namespace, String cluster) {
    return new BucketLayout(
        normalizePrefix(prefix)
            + KeySegment.encode(namespace)
            + "/"
            + KeySegment.encode(cluster)
            + "/");
  }

  /** {@code prefix} with no leading slash and exactly one trailing slash, or empty. */
  static String normalizePrefix(String prefix) {
    if (prefix == null) {
      return "";
    }
    int start = 0;
    int end = prefix.length();
    while (start < end && prefix.charAt(start) == '/') {
      start++;
    }
    while (end > start && prefix.charAt(end - 1) == '/') {
      end--;
    }
    return start == end ? "" : prefix.substring(start, end) + "/";
  }

  /** Everything of this cluster, ending with {@code /}. */
  public String clusterPrefix() {
    return clusterPrefix;
  }

  /** Lists backups: with delimiter {@code /}, each common prefix is one backup's directory. */
  public String backupsPrefix() {
    return clusterPrefix + BACKUPS_DIR;
  }

  public String backupPrefix(BackupId id) {
    return backupsPrefix() + id + "/";
  }

  /** The full key of an object named {@code relative} (see {@link BackupPaths}) in a backup. */
  public String backupObject(BackupId id, String relative) {
    if (relative.isEmpty() || relative.startsWith("/")) {
      throw new IllegalArgumentException("not a name relative to a backup: '" + relative + "'");
    }
    return backupPrefix(id) + relative;
  }

  public String manifest(BackupId id) {
    return backupObject(id, BackupPaths.MANIFEST);
  }

  public String schema(BackupId id, String database) {
    return backupObject(id, BackupPaths.schema(database));
  }

  public String usersAndGrants(BackupId id) {
    return backupObject(id, BackupPaths.USERS_AND_GRANTS);
  }

  public String dataChunk(BackupId id, String database, String table, int chunk) {
    return backupObject(id, BackupPaths.dataChunk(database, table, chunk));
  }

  /**
   * The backup a key or listed common prefix belongs to, or empty when it is not under {@link
   * #backupsPrefix()} or its directory is not a backup id.
   */
  public Optional<BackupId> backupIdOf(String key) {
    String backups = backupsPrefix();
    if (!key.startsWith(backups)) {
      return Optional.empty();
    }
    int slash = key.indexOf('/', backups.length());
    String dir = key.substring(backups.length(), slash < 0 ? key.length() : slash);
    try {
      return Optional.of(BackupId.parse(dir));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Lists all binlogs of the cluster, of every instance that was ever primary. */
  public String binlogsPrefix() {
    return clusterPrefix + BINLOGS_DIR;
  }

  public String binlogsPrefix(String serverUuid) {
    return binlogsPrefix() + canonicalUuid(serverUuid) + "/";
  }

  /** The zstd-compressed binlog file. */
  public String binlog(String serverUuid, String file) {
    return binlogsPrefix(serverUuid) + checkBinlogFile(file) + BINLOG_SUFFIX;
  }

  /** The small JSON {@link BinlogIndex} next to a binlog, read instead of the binlog itself. */
  public String binlogIndex(String serverUuid, String file) {
    return binlogsPrefix(serverUuid) + checkBinlogFile(file) + BINLOG_INDEX_SUFFIX;
  }

  /**
   * Whether a listed key is a binlog index (the listing of {@link #binlogsPrefix()} holds both).
   */
  public static boolean isBinlogIndex(String key) {
    return key.endsWith(BINLOG_INDEX_SUFFIX);
  }

  /** MySQL reports server_uuid in lower case; one spelling keeps one directory per instance. */
  static String canonicalUuid(String serverUuid) {
    try {
      String canonical = UUID.fromString(serverUuid).toString();
      if (!canonical.equalsIgnoreCase(serverUuid)) {
        throw new IllegalArgumentException("not a server_uuid: '" + serverUuid + "'");
      }
      return canonical.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("not a server_uuid: '" + serverUuid + "'", e);
    }
  }

  private static String checkBinlogFile(String file) {
    if (file == null || !BINLOG_FILE.matcher(file).matches()) {
      throw new IllegalArgumentException("not a binlog file name: '" + file + "'");
    }
    return file;
  }

  @Override
  public String toString() {
    return clusterPrefix;
  }
}
