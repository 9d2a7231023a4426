package dev.moco4j.testing.mysqld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqldClusterIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(2).build();

  @Test
  void everyInstanceIsAMysql8031OnItsOwnLoopbackAddressWithItsOwnServerUuid() throws SQLException {
    String first = query(mysqld.instance(0), "SELECT CONCAT(@@version, ' ', @@server_uuid)");
    String second = query(mysqld.instance(1), "SELECT CONCAT(@@version, ' ', @@server_uuid)");

    assertThat(mysqld.instance(0).host())
        .isNotEqualTo(mysqld.instance(1).host())
        .startsWith("127.");
    assertThat(first).startsWith("8.0.31 ");
    assertThat(second).startsWith("8.0.31 ");
    assertThat(first).isNotEqualTo(second);
    assertThat(query(mysqld.instance(0), "SELECT @@gtid_mode")).isEqualTo("ON");
    assertThat(query(mysqld.instance(0), "SELECT @@global.gtid_executed")).isEmpty();
  }

  @Test
  void restartAfterSigkillKeepsCommittedRows() throws SQLException {
    MysqldInstance instance = mysqld.instance(0);
    execute(instance, "CREATE DATABASE IF NOT EXISTS fixture");
    execute(instance, "CREATE TABLE IF NOT EXISTS fixture.t (id INT PRIMARY KEY)");
    execute(instance, "REPLACE INTO fixture.t VALUES (42)");
    long oldPid = instance.pid();

    instance.kill();
    assertThat(instance.isRunning()).isFalse();
    instance.start();

    assertThat(instance.pid()).isNotEqualTo(oldPid);
    assertThat(query(instance, "SELECT id FROM fixture.t")).isEqualTo("42");
  }

  @Test
  void pausedInstanceAnswersNothingUntilResumed() throws SQLException {
    MysqldInstance instance = mysqld.instance(1);
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement()) {
      connection.setNetworkTimeout(Runnable::run, (int) Duration.ofSeconds(2).toMillis());
      instance.pause();
      try {
        assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("Communications link failure");
      } finally {
        instance.resume();
      }
    }
    assertThat(query(instance, "SELECT 1")).isEqualTo("1");
  }

  static String query(MysqldInstance instance, String sql) throws SQLException {
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static void execute(MysqldInstance instance, String sql) throws SQLException {
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
