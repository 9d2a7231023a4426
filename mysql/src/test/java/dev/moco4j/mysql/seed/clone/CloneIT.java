package dev.moco4j.mysql.seed.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.seed.RecipientNotEmptyException;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CLONE seeding against real mysqld. The test mysqld has no clone plugin, so only the "unavailable"
 * and refusal paths run here; a successful clone cannot.
 */
class CloneIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(2).build();

  private static final String PASSWORD = "clone-pa55word";

  @Test
  void instancesWithoutTheClonePluginReportCloneUnavailable() {
    InstanceFacts donor = new InstanceFactsQuery(connector(mysqld.instance(0))).read();
    InstanceFacts recipient = new InstanceFactsQuery(connector(mysqld.instance(1))).read();

    assertThat(CloneSeeding.isAvailable(donor, recipient)).isFalse();
    assertThat(CloneSeeding.unavailableReason(donor, recipient))
        .contains("clone plugin is not loaded on the donor and the recipient");
  }

  @Test
  void failedCloneNamesTheRecipientButNeverThePassword() {
    MySqlConnector recipient = connector(mysqld.instance(1));
    CloneCommand command = CloneCommand.from(endpoint(mysqld.instance(0)), credentials());

    assertThatThrownBy(
            () -> new CloneOperation(recipient).cloneFrom(command, Duration.ofMinutes(1)))
        .isInstanceOf(MySqlException.class)
        .hasMessageContaining(recipient.endpoint().toString())
        .hasMessageNotContaining(PASSWORD)
        .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain(PASSWORD));
  }

  @Test
  void recipientThatExecutedTransactionsIsRefused() throws SQLException {
    MysqldInstance instance = mysqld.instance(0);
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS precious");
    }

    assertThatThrownBy(
            () ->
                new CloneOperation(connector(instance))
                    .cloneFrom(
                        CloneCommand.from(endpoint(mysqld.instance(1)), credentials()),
                        Duration.ofMinutes(1)))
        .isInstanceOf(RecipientNotEmptyException.class)
        .hasMessageContaining("not empty");
  }

  private static Credentials credentials() {
    return new Credentials("clone-donor", PASSWORD);
  }

  private static MySqlEndpoint endpoint(MysqldInstance instance) {
    return new MySqlEndpoint(instance.host(), instance.port());
  }

  private static MySqlConnector connector(MysqldInstance instance) {
    return new MySqlConnector(
        endpoint(instance), ConnectionSettings.of(new Credentials("root", "")));
  }
}
