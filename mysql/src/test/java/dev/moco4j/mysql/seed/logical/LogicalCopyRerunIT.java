package dev.moco4j.mysql.seed.logical;

import static dev.moco4j.mysql.seed.logical.SeedFixtures.checksums;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.column;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.connector;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.execute;
import static dev.moco4j.mysql.seed.logical.SeedFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.seed.DonorKind;
import dev.moco4j.mysql.seed.RecipientNotEmptyException;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A logical copy never overwrites data, and converges when re-run after an interruption. */
class LogicalCopyRerunIT {

  @RegisterExtension final MysqldCluster mysqld = MysqldCluster.withInstances(2).build();

  @Test
  void copyIntoARecipientLeftHalfLoadedByAnInterruptedCopyConverges() throws SQLException {
    MysqldInstance donor = mysqld.instance(0);
    MysqldInstance recipient = mysqld.instance(1);
    SeedFixtures.createApplicationData(donor);
    // What an interrupted copy leaves: objects loaded without binlog, so gtid_executed is empty.
    execute(
        recipient,
        "SET SESSION sql_log_bin = 0",
        "CREATE DATABASE shop",
        "CREATE TABLE shop.lines (id BIGINT PRIMARY KEY, note VARCHAR(10))",
        "INSERT INTO shop.lines VALUES (1, 'partial')",
        "CREATE DATABASE abandoned",
        "CREATE USER 'app'@'%' IDENTIFIED BY 'stale'",
        "CREATE USER 'stray'@'%'",
        "SET GLOBAL super_read_only = ON");

    LogicalCopy.copy(connector(donor), DonorKind.OWN_PRIMARY, connector(recipient), Set.of());

    assertThat(checksums(recipient)).isEqualTo(checksums(donor));
    assertThat(column(recipient, "SHOW DATABASES LIKE 'abandoned'")).isEmpty();
    assertThat(column(recipient, "SELECT User FROM mysql.user WHERE User = 'stray'")).isEmpty();
    assertThat(new InstanceFactsQuery(connector(recipient)).read().gtidExecuted())
        .isEqualTo(new InstanceFactsQuery(connector(donor)).read().gtidExecuted());
    assertThat(value(recipient, "SELECT @@global.super_read_only"))
        .as("super_read_only is restored after the load")
        .isEqualTo("1");
  }

  @Test
  void recipientThatExecutedTransactionsIsRefusedAndLeftUntouched() throws SQLException {
    MysqldInstance donor = mysqld.instance(0);
    MysqldInstance recipient = mysqld.instance(1);
    SeedFixtures.createApplicationData(donor);
    execute(
        recipient,
        "CREATE DATABASE precious",
        "CREATE TABLE precious.data (id INT PRIMARY KEY)",
        "INSERT INTO precious.data VALUES (1)");
    String gtidsBefore = value(recipient, "SELECT @@global.gtid_executed");

    assertThatThrownBy(
            () ->
                LogicalCopy.copy(
                    connector(donor), DonorKind.OWN_PRIMARY, connector(recipient), Set.of()))
        .isInstanceOf(RecipientNotEmptyException.class)
        .hasMessageContaining(recipient.host())
        .hasMessageContaining("not empty");

    assertThat(value(recipient, "SELECT COUNT(*) FROM precious.data")).isEqualTo("1");
    assertThat(column(recipient, "SHOW DATABASES LIKE 'shop'")).isEmpty();
    assertThat(value(recipient, "SELECT @@global.gtid_executed")).isEqualTo(gtidsBefore);
  }
}
