package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.MySqlException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One open session of the copy, turning failures into errors that name the instance. */
class Endpoint {

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final MySqlEndpoint endpoint;
  private final Connection connection;

  Endpoint(MySqlEndpoint endpoint, Connection connection) {
    this.endpoint = endpoint;
    this.connection = connection;
  }

  MySqlEndpoint endpoint() {
    return endpoint;
  }

  Connection connection() {
    return connection;
  }

  void execute(String action, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw failure(action, e);
    }
  }

  <T> List<T> query(String action, String sql, RowReader<T> reader) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(reader.read(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw failure(action, e);
    }
  }

  String queryString(String action, String sql) {
    return query(action, sql, rs -> rs.getString(1)).getFirst();
  }

  MySqlException failure(String action, SQLException e) {
    return new MySqlException(endpoint, action, e);
  }
}
