package dev.moco4j.backup.format;

/**
 * Names of the objects of one backup, relative to the backup's own directory; the manifest records
 * these relative names so that a backup stays readable after being copied under another prefix.
 */
public final class BackupPaths {

  public static final String MANIFEST = "manifest.json";

  /** Accounts and their grants: kept apart from the databases because they are restored last. */
  public static final String USERS_AND_GRANTS = "users.sql";

  static final String SCHEMA_DIR = "schema/";
  static final String DATA_DIR = "data/";

  /** Chunk numbers have this many digits so that a plain lexical listing is the chunk order. */
  static final int CHUNK_DIGITS = 8;

  static final int MAX_CHUNK = 99_999_999;

  private BackupPaths() {}

  /** The SQL of one database: its tables, views, routines, triggers and events. */
  public static String schema(String database) {
    return SCHEMA_DIR + KeySegment.encode(database) + ".sql";
  }

  /** Where all chunks of one table are, ending with {@code /}. */
  public static String tableDataDir(String database, String table) {
    return DATA_DIR + KeySegment.encode(database) + "/" + KeySegment.encode(table) + "/";
  }

  /** One chunk of a table's rows, numbered from 1 in primary-key order. */
  public static String dataChunk(String database, String table, int chunk) {
    if (chunk < 1 || chunk > MAX_CHUNK) {
      throw new IllegalArgumentException(
          "chunk numbers run from 1 to " + MAX_CHUNK + ", got " + chunk);
    }
    return tableDataDir(database, table)
        + String.format("%0" + CHUNK_DIGITS + "d", chunk)
        + ".tsv.zst";
  }
}
