package dev.moco4j.mysql.seed;

import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.SqlQuoting;
import dev.moco4j.mysql.seed.logical.SystemNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties an instance so that it can be seeded again: replication forgotten, user schemas dropped,
 * binary logs and GTID history reset. Accounts stay; a seed replaces or drops them.
 */
public final class InstanceReset {

  private final MySqlConnector connector;

  public InstanceReset(MySqlConnector connector) {
    this.connector = connector;
  }

  /** Leaves the instance {@code super_read_only} with an empty {@code gtid_executed}. */
  public void dropDataAndHistory() {
    try (Connection connection = connector.open();
        Statement statement = connection.createStatement()) {
      statement.execute("STOP REPLICA");
      statement.execute("RESET REPLICA ALL");
      // Dropping writes nothing to the binary log, and read_only stays on: while super_read_only
      // is lifted for the drops, only privileged sessions like this one could write.
      statement.execute("SET SESSION sql_log_bin = 0");
      statement.execute("SET GLOBAL super_read_only = OFF");
      try {
        for (String schema : userSchemas(statement)) {
          statement.execute("DROP DATABASE " + SqlQuoting.identifier(schema));
        }
        // Purges every binary log and empties gtid_executed and gtid_purged: the instance has
        // no history, and a seed gives it the donor's.
        statement.execute("RESET MASTER");
      } finally {
        statement.execute("SET GLOBAL super_read_only = ON");
      }
    } catch (SQLException e) {
      throw new MySqlException(connector.endpoint(), "emptying the instance", e);
    }
  }

  private static List<String> userSchemas(Statement statement) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN ("
                + SystemNames.schemaList()
                + ")")) {
      while (rs.next()) {
        schemas.add(rs.getString(1));
      }
    }
    return schemas;
  }
}
