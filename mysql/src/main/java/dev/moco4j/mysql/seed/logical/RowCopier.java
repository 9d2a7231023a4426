package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.SqlQuoting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Streams one table's rows from the donor's snapshot into the recipient. */
final class RowCopier {

  private static final Logger LOG = LoggerFactory.getLogger(RowCopier.class);

  /** Rows and literal bytes of one table. */
  record Copied(long rows, long bytes) {}

  private record Column(String quotedName, ColumnKind kind) {}

  private final int maxStatementBytes;

  /**
   * @param maxStatementBytes the bound of one INSERT; below the recipient's max_allowed_packet
   */
  RowCopier(int maxStatementBytes) {
    this.maxStatementBytes = maxStatementBytes;
  }

  Copied copy(DonorSnapshot donor, RecipientSession recipient, TableRef table) {
    List<Column> columns = columns(donor, table);
    long[] bytes = {0};
    InsertBatch batch =
        new InsertBatch(
            table.quoted(),
            columns.stream().map(Column::quotedName).toList(),
            maxStatementBytes,
            sql -> {
              bytes[0] += sql.length();
              recipient.execute("loading rows of " + table, sql);
            });
    String select =
        "SELECT "
            + String.join(
                ", ", columns.stream().map(c -> c.kind().selectExpression(c.quotedName())).toList())
            + " FROM "
            + table.quoted();
    long rows = 0;
    // A streaming result (fetch size Integer.MIN_VALUE): the driver holds one row at a time, so a
    // table larger than memory is copied in constant space. The donor connection can run nothing
    // else until the stream is read to its end.
    try (Statement statement =
        donor
            .connection()
            .createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(Integer.MIN_VALUE);
      try (ResultSet rs = statement.executeQuery(select)) {
        List<String> literals = new ArrayList<>(columns.size());
        while (rs.next()) {
          literals.clear();
          for (int i = 0; i < columns.size(); i++) {
            literals.add(SqlValues.literal(columns.get(i).kind(), rs.getBytes(i + 1)));
          }
          batch.add(literals);
          rows++;
        }
      }
    } catch (SQLException e) {
      throw donor.failure("reading rows of " + table, e);
    }
    batch.flush();
    LOG.info(
        "{} -> {}: copied {} rows ({} bytes) of {}",
        donor.endpoint(),
        recipient.endpoint(),
        rows,
        bytes[0],
        table);
    return new Copied(rows, bytes[0]);
  }

  /**
   * Every stored column, invisible ones included (SELECT * would skip them); generated columns are
   * left out because the recipient computes them and refuses values for them.
   */
  private static List<Column> columns(DonorSnapshot donor, TableRef table) {
    return donor
        .query(
            "listing the columns of " + table,
            "SELECT COLUMN_NAME, DATA_TYPE, EXTRA FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = "
                + SqlQuoting.stringLiteral(table.schema())
                + " AND TABLE_NAME = "
                + SqlQuoting.stringLiteral(table.name())
                + " ORDER BY ORDINAL_POSITION",
            rs ->
                new Column(
                    SqlQuoting.identifier(rs.getString(1)),
                    isGenerated(rs.getString(3)) ? null : ColumnKind.of(rs.getString(2))))
        .stream()
        .filter(column -> column.kind() != null)
        .toList();
  }

  private static boolean isGenerated(String extra) {
    return extra != null
        && (extra.contains("VIRTUAL GENERATED") || extra.contains("STORED GENERATED"));
  }
}
