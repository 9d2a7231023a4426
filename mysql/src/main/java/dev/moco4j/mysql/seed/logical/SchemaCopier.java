package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.SqlQuoting;
import java.util.ArrayList;
import java.util.List;

/** Creates the donor's user schemas and base tables (empty) on the recipient. */
final class SchemaCopier {

  /** What the donor's snapshot holds, listed before any row is streamed. */
  record Inventory(List<String> schemas, List<TableRef> tables, List<TableRef> views) {}

  private SchemaCopier() {}

  static Inventory inventory(DonorSnapshot donor) {
    List<String> schemas =
        donor.query(
            "listing schemas",
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN ("
                + SystemNames.schemaList()
                + ") ORDER BY SCHEMA_NAME",
            rs -> rs.getString(1));
    List<TableRef> tables = new ArrayList<>();
    List<TableRef> views = new ArrayList<>();
    donor.query(
        "listing tables",
        "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA NOT IN ("
            + SystemNames.schemaList()
            + ") ORDER BY TABLE_SCHEMA, TABLE_NAME",
        rs -> {
          TableRef ref = new TableRef(rs.getString(1), rs.getString(2));
          return "VIEW".equals(rs.getString(3)) ? views.add(ref) : tables.add(ref);
        });
    return new Inventory(schemas, tables, views);
  }

  /** CREATE DATABASE as the donor shows it, so that charset, collation and encryption match. */
  static void createSchema(DonorSnapshot donor, RecipientSession recipient, String schema) {
    String ddl =
        donor
            .query(
                "reading the definition of schema " + schema,
                "SHOW CREATE DATABASE " + SqlQuoting.identifier(schema),
                rs -> rs.getString(2))
            .getFirst();
    recipient.execute("creating schema " + schema, ddl);
  }

  /**
   * CREATE TABLE as the donor shows it. Foreign keys may name tables not created yet: the recipient
   * session runs with foreign_key_checks off.
   */
  static void createTable(DonorSnapshot donor, RecipientSession recipient, TableRef table) {
    String ddl =
        donor
            .query(
                "reading the definition of table " + table,
                "SHOW CREATE TABLE " + table.quoted(),
                rs -> rs.getString(2))
            .getFirst();
    recipient.execute(
        "selecting schema " + table.schema(), "USE " + SqlQuoting.identifier(table.schema()));
    recipient.execute("creating table " + table, ddl);
  }
}
