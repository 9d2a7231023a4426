package dev.moco4j.mysql.seed.logical;

import java.util.List;
import java.util.function.Consumer;

/**
 * Collects rows into multi-row INSERT statements of bounded size, handing each full statement to a
 * sink. Bounded statements keep memory flat for tables of any size and stay under the recipient's
 * {@code max_allowed_packet}; a single row larger than the bound is sent alone.
 */
final class InsertBatch {

  private final String prefix;
  private final int maxBytes;
  private final Consumer<String> sink;
  private final StringBuilder statement = new StringBuilder();
  private int rowsInStatement;

  /**
   * @param qualifiedTable the backquoted {@code `schema`.`table`}
   * @param quotedColumns the backquoted column names, in select order
   */
  InsertBatch(
      String qualifiedTable, List<String> quotedColumns, int maxBytes, Consumer<String> sink) {
    this.prefix =
        "INSERT INTO " + qualifiedTable + " (" + String.join(", ", quotedColumns) + ") VALUES ";
    this.maxBytes = maxBytes;
    this.sink = sink;
  }

  /** Adds one row of already-rendered literals. */
  void add(List<String> literals) {
    String row = "(" + String.join(",", literals) + ")";
    if (rowsInStatement > 0 && statement.length() + 1 + row.length() > maxBytes) {
      flush();
    }
    if (rowsInStatement == 0) {
      statement.append(prefix);
    } else {
      statement.append(',');
    }
    statement.append(row);
    rowsInStatement++;
  }

  /** Sends the pending statement, if any. */
  void flush() {
    if (rowsInStatement > 0) {
      sink.accept(statement.toString());
      statement.setLength(0);
      rowsInStatement = 0;
    }
  }
}
