package dev.moco4j.mysql.seed.logical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Data and checks shared by the logical copy tests. */
final class SeedFixtures {

  static final Credentials ROOT = new Credentials("root", "");

  private SeedFixtures() {}

  static MySqlConnector connector(MysqldInstance instance) {
    return new MySqlConnector(
        new MySqlEndpoint(instance.host(), instance.port()), ConnectionSettings.of(ROOT));
  }

  static void execute(MysqldInstance instance, String... statements) throws SQLException {
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static List<String> column(MysqldInstance instance, String sql) throws SQLException {
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  static String value(MysqldInstance instance, String sql) throws SQLException {
    List<String> values = column(instance, sql);
    assertThat(values).as(sql).hasSize(1);
    return values.getFirst();
  }

  /**
   * Schemas in two character sets; every column type family with NULLs, a table of 20,000 rows, a
   * view on a view, a routine, a trigger, and an application account with a role.
   */
  static void createApplicationData(MysqldInstance primary) throws SQLException {
    execute(
        primary,
        "CREATE DATABASE shop DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
        "CREATE DATABASE legacy DEFAULT CHARACTER SET latin1",
        "CREATE TABLE shop.kinds (id INT AUTO_INCREMENT PRIMARY KEY, blob_col BLOB, json_col JSON,"
            + " price DECIMAL(40,12), at DATETIME(6), seen TIMESTAMP NULL, ratio FLOAT,"
            + " weight DOUBLE, name VARCHAR(100), flags BIT(10), yr YEAR, span TIME(3),"
            + " size ENUM('s','m','l'), tags SET('a','b','c'), place POINT NULL,"
            + " name_length INT AS (CHAR_LENGTH(name)) VIRTUAL, hidden VARCHAR(10) INVISIBLE,"
            + " big_unsigned BIGINT UNSIGNED)",
        "INSERT INTO shop.kinds (blob_col, json_col, price, at, seen, ratio, weight, name, flags,"
            + " yr, span, size, tags, place, hidden, big_unsigned) VALUES"
            + " (X'00FF27225C0A', '{\"b\": [1, 2.5, null], \"a\": \"ü\"}',"
            + " 12345678901234567890.123456789012, '2024-02-29 23:59:59.999999',"
            + " '2030-06-15 12:00:00', 0.1, 1.0000000000000002, 'naïve café ☕ 😀 it''s \\\\ done',"
            + " b'1010101010', 2155, '-838:59:59.000', 'm', 'a,c', ST_GeomFromText('POINT(1 2)'),"
            + " 'secret', 18446744073709551615),"
            + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
            + " NULL, NULL, NULL),"
            + " ('', '[]', -0.000000000001, '1000-01-01 00:00:00', '1999-12-31 23:59:59',"
            + " -3.4e38, -1e-300, '', b'0', 1901, '00:00:00', 's', '', NULL, '', 0)",
        "CREATE TABLE shop.lines (id BIGINT PRIMARY KEY, kind_id INT, note VARCHAR(200),"
            + " FOREIGN KEY (kind_id) REFERENCES shop.kinds (id))",
        "SET SESSION cte_max_recursion_depth = 100000",
        "INSERT INTO shop.lines WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
            + " WHERE i < 20000) SELECT i, 1 + i % 3, CONCAT('line ', i, ' ', REPEAT('x', i % 50))"
            + " FROM n",
        "CREATE TABLE legacy.notes (id INT PRIMARY KEY, body TEXT)",
        "INSERT INTO legacy.notes VALUES (1, 'café crème'), (2, NULL)",
        // a_ sorts before its dependency b_, so the copy must retry it.
        "CREATE VIEW shop.b_lines AS SELECT id, note FROM shop.lines",
        "CREATE VIEW shop.a_big_lines AS SELECT id, note FROM shop.b_lines WHERE id > 19990",
        "CREATE FUNCTION shop.twice (x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
        "CREATE TABLE shop.audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(40))",
        "CREATE TRIGGER shop.lines_audit AFTER INSERT ON shop.lines FOR EACH ROW"
            + " INSERT INTO shop.audit (what) VALUES (CONCAT('line ', NEW.id))",
        "CREATE ROLE reader",
        "GRANT SELECT ON shop.* TO reader",
        "CREATE USER 'app'@'%' IDENTIFIED BY 'app-Secret1'",
        "GRANT reader TO 'app'@'%'",
        "GRANT INSERT, UPDATE ON shop.lines TO 'app'@'%'",
        "SET DEFAULT ROLE reader TO 'app'@'%'");
  }

  /** {@code CHECKSUM TABLE} of every base table outside the system schemas. */
  static Map<String, String> checksums(MysqldInstance instance) throws SQLException {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String table :
        column(
            instance,
            "SELECT CONCAT('`', TABLE_SCHEMA, '`.`', TABLE_NAME, '`') FROM information_schema.TABLES"
                + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN"
                + " ('mysql', 'sys', 'information_schema', 'performance_schema')"
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
      try (Connection connection = instance.connect();
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("CHECKSUM TABLE " + table)) {
        rs.next();
        sums.put(table, rs.getString(2));
      }
    }
    return sums;
  }
}
