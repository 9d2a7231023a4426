package dev.moco4j.backup.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows written by {@link TsvWriter} and loaded by the server's own {@code LOAD DATA} come back byte
 * for byte, and the table checksum re-computed over the loaded table matches.
 */
class TsvLoadDataIT {

  // LOAD DATA LOCAL needs both the server's local_infile and the client's permission.
  @RegisterExtension
  static final MysqldCluster mysqld =
      MysqldCluster.withInstances(1).option("local_infile", "ON").build();

  private static final String COLUMNS =
      "id INT PRIMARY KEY, txt TEXT, vc VARCHAR(200), big LONGTEXT, bin VARBINARY(300),"
          + " blb LONGBLOB, num DECIMAL(30,6), dbl DOUBLE, dt DATETIME(6), js JSON,"
          + " latin VARCHAR(50) CHARACTER SET latin1, nul INT";

  @TempDir Path dir;

  @Test
  void trickyRowsSurviveTheWriterAndLoadData() throws Exception {
    try (Connection connection = connect(mysqld.instance(0))) {
      exec(connection, "CREATE DATABASE fmt");
      exec(connection, "CREATE TABLE fmt.source (" + COLUMNS + ") CHARACTER SET utf8mb4");
      exec(connection, "CREATE TABLE fmt.copy LIKE fmt.source");
      insertTrickyRows(connection);
      Path file = dir.resolve("source.tsv");

      TableChecksum written = new TableChecksum();
      long rows = dump(connection, "fmt.source", file, written);
      List<String> warnings = load(connection, file, "fmt.copy");

      assertThat(warnings).isEmpty();
      assertThat(rows).isEqualTo(count(connection, "fmt.copy")).isEqualTo(7);
      assertSameRows(connection, "fmt.source", "fmt.copy");
      TableChecksum reloaded = new TableChecksum();
      dump(connection, "fmt.copy", dir.resolve("copy.tsv"), reloaded);
      assertThat(reloaded.hex()).isEqualTo(written.hex());
      assertThat(Files.readAllBytes(dir.resolve("copy.tsv"))).isEqualTo(Files.readAllBytes(file));
      assertThat(checksumTable(connection, "fmt.copy"))
          .isEqualTo(checksumTable(connection, "fmt.source"));
    }
  }

  private static void insertTrickyRows(Connection connection) throws SQLException {
    String specials = "tab\there\nnewline\r\ncrlf back\\slash nul\0 ctrl-z\u001A \\N \\t";
    byte[] everyByte = new byte[256];
    for (int i = 0; i < 256; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] randomBlob = new byte[100_000];
    new Random(5).nextBytes(randomBlob);
    String large = "line\twith\\tab\n".repeat(300_000) + "😀";
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO fmt.source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      row(insert, 1, null, null, null, null, null, null, null, null, null, null);
      row(
          insert,
          2,
          specials,
          specials,
          specials,
          everyByte,
          randomBlob,
          "-12345678901234.123456",
          1.0 / 3,
          "2026-01-02 03:04:05.678901",
          "{\"k\": \"v\\tw\\n\\\\\"}",
          "caf\u00e9");
      row(
          insert,
          3,
          "",
          "",
          "",
          new byte[0],
          new byte[0],
          "0",
          0.0,
          "1000-01-01 00:00:00",
          "[]",
          "");
      row(
          insert,
          4,
          "😀 emoji 🐬",
          "Ünïcödé ✓",
          large,
          "\\N".getBytes(StandardCharsets.UTF_8),
          new byte[] {0, 0x1A, '\\', '\t', '\n', '\r'},
          "1e-6",
          -1.7976931348623157E308,
          "9999-12-31 23:59:59.999999",
          "{\"emoji\": \"😀\"}",
          "\\");
      row(
          insert,
          5,
          "\\",
          "\\\\",
          "\\N",
          "N".getBytes(StandardCharsets.UTF_8),
          "\\N".getBytes(),
          "1",
          Double.MIN_VALUE,
          null,
          "null",
          "\t");
      row(
          insert,
          6,
          "trailing backslash\\",
          " leading space",
          "\n",
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0xF0, '\\', (byte) 0x9F},
          null,
          1e300,
          null,
          "\"\\u0000\"",
          null);
      row(insert, 7, "NULL", "null", "\\0", null, null, "-0.000001", -0.0, null, null, "N");
    }
  }

  private static void row(PreparedStatement insert, int id, Object... values) throws SQLException {
    insert.setInt(1, id);
    // Values not given (the last column, nul) are NULL.
    for (int i = 0; i < 11; i++) {
      insert.setObject(i + 2, i < values.length ? values[i] : null);
    }
    insert.executeUpdate();
  }

  /** Dumps over the text protocol (a plain Statement), as a backup reads rows. */
  private static long dump(Connection connection, String table, Path file, TableChecksum checksum)
      throws SQLException, IOException {
    try (Statement select = connection.createStatement();
        ResultSet rs = select.executeQuery("SELECT * FROM " + table + " ORDER BY id");
        OutputStream out = Files.newOutputStream(file)) {
      TsvWriter writer = new TsvWriter(out, checksum);
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<byte[]> values = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
          values.add(rs.getBytes(c));
        }
        writer.writeRow(values);
      }
      return writer.rows();
    }
  }

  private static List<String> load(Connection connection, Path file, String table)
      throws SQLException {
    List<String> warnings = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "LOAD DATA LOCAL INFILE '"
              + file.toAbsolutePath()
              + "' INTO TABLE "
              + table
              + " CHARACTER SET binary"
              // The server refuses JSON from binary strings: that column goes through a variable.
              + " (id, txt, vc, big, bin, blb, num, dbl, dt, @js, latin, nul)"
              + " SET js = CONVERT(@js USING utf8mb4)");
      try (ResultSet rs = statement.executeQuery("SHOW WARNINGS")) {
        while (rs.next()) {
          warnings.add(rs.getString("Level") + " " + rs.getString("Message"));
        }
      }
    }
    return warnings;
  }

  private static void assertSameRows(Connection connection, String expected, String actual)
      throws SQLException {
    try (Statement a = connection.createStatement();
        Statement b = connection.createStatement();
        ResultSet want = a.executeQuery("SELECT * FROM " + expected + " ORDER BY id");
        ResultSet got = b.executeQuery("SELECT * FROM " + actual + " ORDER BY id")) {
      int columns = want.getMetaData().getColumnCount();
      while (want.next()) {
        assertThat(got.next()).isTrue();
        for (int c = 1; c <= columns; c++) {
          assertThat(got.getBytes(c))
              .as("row id %s, column %s", want.getInt(1), want.getMetaData().getColumnName(c))
              .isEqualTo(want.getBytes(c));
        }
      }
      assertThat(got.next()).isFalse();
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long checksumTable(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("CHECKSUM TABLE " + table + " EXTENDED")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static void exec(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect(MysqldInstance instance) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", MysqldInstance.USER);
    props.setProperty("password", "");
    // Only files under this test's directory may be sent, not any path the server names.
    props.setProperty("allowLoadLocalInfileInPath", dir.toAbsolutePath().toString());
    props.setProperty("characterEncoding", "UTF-8");
    props.setProperty("maxAllowedPacket", Integer.toString(64 << 20));
    Connection connection = new com.mysql.cj.jdbc.Driver().connect(instance.jdbcUrl(), props);
    // Raw column bytes, as TsvWriter expects: no conversion to the connection's character set.
    exec(connection, "SET character_set_results = NULL");
    return connection;
  }
}
