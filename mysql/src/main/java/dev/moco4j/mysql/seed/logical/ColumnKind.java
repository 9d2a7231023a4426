package dev.moco4j.mysql.seed.logical;

import java.util.Locale;
import java.util.Set;

/**
 * How a column's values travel from donor to recipient. Every value is read as the server's own
 * text or bytes and written back as a literal whose meaning does not depend on the recipient
 * session's character set or sql_mode.
 */
enum ColumnKind {
  /**
   * Read as the server's decimal text, written unquoted: exact for DECIMAL and round-trips FLOAT.
   */
  NUMBER,
  /** BIT, read as its integer value: a hex literal of the raw bits would need padding rules. */
  BIT,
  /** Binary strings and spatial values (internal SRID+WKB format), written as hex literals. */
  BINARY,
  /** Everything else (character strings, JSON, temporal, ENUM/SET), as utf8mb4 text. */
  TEXT;

  private static final Set<String> NUMBERS =
      Set.of(
          "tinyint",
          "smallint",
          "mediumint",
          "int",
          "integer",
          "bigint",
          "decimal",
          "numeric",
          "float",
          "double",
          "real");
  private static final Set<String> BINARIES =
      Set.of(
          "binary",
          "varbinary",
          "tinyblob",
          "blob",
          "mediumblob",
          "longblob",
          "geometry",
          "point",
          "linestring",
          "polygon",
          "multipoint",
          "multilinestring",
          "multipolygon",
          "geometrycollection",
          "geomcollection");

  /** From {@code information_schema.COLUMNS.DATA_TYPE}. */
  static ColumnKind of(String dataType) {
    String type = dataType.toLowerCase(Locale.ROOT);
    if (NUMBERS.contains(type)) {
      return NUMBER;
    }
    if (type.equals("bit")) {
      return BIT;
    }
    return BINARIES.contains(type) ? BINARY : TEXT;
  }

  /**
   * The select expression that makes the server send the value in this kind's wire form. CAST to
   * utf8mb4 text keeps the driver from decoding (and reformatting) numbers and dates.
   */
  String selectExpression(String quotedColumn) {
    return switch (this) {
      case NUMBER, TEXT -> "CAST(" + quotedColumn + " AS CHAR CHARACTER SET utf8mb4)";
      case BIT -> "CAST(" + quotedColumn + " + 0 AS CHAR CHARACTER SET utf8mb4)";
      case BINARY -> quotedColumn;
    };
  }
}
