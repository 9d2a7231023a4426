package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.SqlQuoting;
import java.util.List;

/**
 * Creates the donor's stored procedures, functions and triggers on the recipient, each under the
 * sql_mode it was defined with (the server stores it with the program and it changes how the body
 * parses). Triggers come after the rows, so loading fires none; they are created in their action
 * order per table, which reproduces that order. Events are not copied.
 */
final class StoredProgramCopier {

  private record Program(String schema, String sqlMode, String ddl) {}

  private StoredProgramCopier() {}

  static int copyRoutines(DonorSnapshot donor, RecipientSession recipient) {
    List<Program> programs =
        donor
            .query(
                "listing routines",
                "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA NOT IN ("
                    + SystemNames.schemaList()
                    + ") ORDER BY ROUTINE_SCHEMA, ROUTINE_NAME",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .stream()
            .map(
                r ->
                    show(
                        donor,
                        r[0],
                        "SHOW CREATE " + r[2] + " " + new TableRef(r[0], r[1]).quoted(),
                        3))
            .toList();
    // A function may call one not created yet only at run time: creation order does not matter.
    programs.forEach(program -> create(recipient, program));
    return programs.size();
  }

  static int copyTriggers(DonorSnapshot donor, RecipientSession recipient) {
    List<Program> programs =
        donor
            .query(
                "listing triggers",
                "SELECT TRIGGER_SCHEMA, TRIGGER_NAME FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA NOT IN ("
                    + SystemNames.schemaList()
                    + ") ORDER BY TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, EVENT_MANIPULATION,"
                    + " ACTION_TIMING, ACTION_ORDER",
                rs -> new TableRef(rs.getString(1), rs.getString(2)))
            .stream()
            .map(t -> show(donor, t.schema(), "SHOW CREATE TRIGGER " + t.quoted(), 3))
            .toList();
    programs.forEach(program -> create(recipient, program));
    return programs.size();
  }

  /** Reads the sql_mode (column 2) and the definition (column {@code ddlColumn}). */
  private static Program show(DonorSnapshot donor, String schema, String sql, int ddlColumn) {
    return donor
        .query(
            "reading a stored program definition",
            sql,
            rs -> new Program(schema, rs.getString(2), rs.getString(ddlColumn)))
        .getFirst();
  }

  private static void create(RecipientSession recipient, Program program) {
    String action = "creating a stored program in " + program.schema();
    // The definitions name no schema: they are created in the current one.
    recipient.execute(action, "USE " + SqlQuoting.identifier(program.schema()));
    recipient.execute(
        action, "SET SESSION sql_mode = " + SqlQuoting.stringLiteral(program.sqlMode()));
    try {
      recipient.execute(action, program.ddl());
    } finally {
      recipient.execute(action, "SET SESSION sql_mode = " + RecipientSession.LOAD_SQL_MODE);
    }
  }
}
