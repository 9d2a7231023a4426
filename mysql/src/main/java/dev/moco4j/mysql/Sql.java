package dev.moco4j.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs statements on one instance and turns failures into {@link MySqlException}s. */
final class Sql {

  private Sql() {}

  /** Work done on an open connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  static <T> T withConnection(MySqlConnector connector, String action, Work<T> work) {
    try (Connection connection = connector.open()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new MySqlException(connector.endpoint(), action, e);
    }
  }

  /** Executes statements in order on one connection. */
  static void execute(MySqlConnector connector, String action, String... statements) {
    withConnection(
        connector,
        action,
        connection -> {
          try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
              statement.execute(sql);
            }
          }
          return null;
        });
  }

  /** Executes one statement whose {@code ?} placeholders are bound as string literals. */
  static void executeWithArguments(
      MySqlConnector connector, String action, String sql, Object... arguments) {
    withConnection(
        connector,
        action,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
              statement.setObject(i + 1, arguments[i]);
            }
            statement.execute();
          }
          return null;
        });
  }
}
