package dev.moco4j.mysql.gtid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Compares the Java algebra with the server's own GTID functions on the same inputs. */
class GtidSetAgainstServerIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(1).build();

  private static final List<String> UUIDS =
      List.of(
          "00000000-0000-0000-0000-000000000001",
          "3E11FA47-71CA-11E1-9E33-C80AA9429562",
          "ffffffff-ffff-ffff-ffff-ffffffffffff");

  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = mysqld.instance(0).connect();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    connection.close();
  }

  @Test
  void subtractionAndSubsetAgreeWithGtidSubtractAndGtidSubset() throws SQLException {
    Random random = new Random(20261123);
    for (int run = 0; run < 300; run++) {
      String a = randomText(random);
      String b = randomText(random);

      GtidSet ours = GtidSet.parse(a).subtract(GtidSet.parse(b));
      GtidSet servers = GtidSet.parse(serverString("SELECT GTID_SUBTRACT(?, ?)", a, b));

      assertThat(ours).as("GTID_SUBTRACT('%s', '%s')", a, b).isEqualTo(servers);
      assertThat(GtidSet.parse(a).isSubsetOf(GtidSet.parse(b)))
          .as("GTID_SUBSET('%s', '%s')", a, b)
          .isEqualTo(serverString("SELECT GTID_SUBSET(?, ?)", a, b).equals("1"));
    }
  }

  @Test
  void normalizedTextMeansTheSameSetToTheServer() throws SQLException {
    Random random = new Random(7);
    for (int run = 0; run < 100; run++) {
      String original = randomText(random);
      String normalized = GtidSet.parse(original).toString();

      assertThat(
              serverString(
                  "SELECT GTID_SUBSET(?, ?) AND GTID_SUBSET(?, ?)",
                  original,
                  normalized,
                  normalized,
                  original))
          .as("'%s' and '%s' hold the same transactions", original, normalized)
          .isEqualTo("1");
    }
  }

  @Test
  void parsesTheServersOwnGtidExecutedAfterTransactionsFromSeveralSources() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS gtids");
      statement.execute("CREATE TABLE IF NOT EXISTS gtids.t (id INT PRIMARY KEY)");
      statement.execute("INSERT INTO gtids.t VALUES (1)");
      statement.execute("INSERT INTO gtids.t VALUES (2)");
      // Transactions with explicit GTIDs of other servers, as a replica applying them would have.
      for (String gtid : List.of(UUIDS.get(0) + ":5", UUIDS.get(0) + ":7", UUIDS.get(2) + ":1")) {
        statement.execute("SET gtid_next = '" + gtid + "'");
        statement.execute("BEGIN");
        statement.execute("COMMIT");
      }
      statement.execute("SET gtid_next = 'AUTOMATIC'");
    }
    String raw = serverString("SELECT @@global.gtid_executed");
    String uuid = serverString("SELECT @@server_uuid");

    GtidSet parsed = GtidSet.parse(raw);

    assertThat(parsed.uuids()).containsExactlyInAnyOrder(uuid, UUIDS.get(0), UUIDS.get(2));
    assertThat(parsed.intervals(UUIDS.get(0), ""))
        .containsExactly(new Interval(5, 5), new Interval(7, 7));
    assertThat(parsed.contains(uuid, "", 4)).isTrue();
    assertThat(serverString("SELECT GTID_SUBSET(?, @@global.gtid_executed)", parsed.toString()))
        .isEqualTo("1");
    assertThat(serverString("SELECT GTID_SUBTRACT(@@global.gtid_executed, ?)", parsed.toString()))
        .isEmpty();
  }

  private static String randomText(Random random) {
    List<String> parts = new ArrayList<>();
    int elements = random.nextInt(5);
    for (int i = 0; i < elements; i++) {
      String uuid = UUIDS.get(random.nextInt(UUIDS.size()));
      int start = 1 + random.nextInt(30);
      int end = start + random.nextInt(6);
      parts.add(uuid + ":" + start + (end == start ? "" : "-" + end));
    }
    return String.join(random.nextBoolean() ? "," : ",\n", parts);
  }

  private static String serverString(String sql, String... arguments) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setString(i + 1, arguments[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        String value = rs.getString(1);
        return value == null ? "" : value;
      }
    }
  }
}
