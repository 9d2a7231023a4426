package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.SqlQuoting;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.mysql.seed.RecipientNotEmptyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recipient's loading session: writes here leave no GTID and no binlog event, so the instance
 * stays "empty" (gtid_executed empty) until {@link #markComplete} records the donor's GTIDs. A
 * crash at any earlier point leaves a recipient that the next copy may wipe and reload.
 */
final class RecipientSession extends Endpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RecipientSession.class);

  /** As mysqldump loads: a copied 0 in an AUTO_INCREMENT column stays 0. */
  static final String LOAD_SQL_MODE = "'NO_AUTO_VALUE_ON_ZERO'";

  private final boolean wasSuperReadOnly;

  private RecipientSession(MySqlConnector recipient, Connection connection, boolean superReadOnly) {
    super(recipient.endpoint(), connection);
    this.wasSuperReadOnly = superReadOnly;
  }

  /**
   * Opens the session after checking the recipient is empty by GTIDs, then removes what an
   * interrupted earlier copy left: user schemas and accounts other than {@code keptUsers}.
   *
   * @throws RecipientNotEmptyException before changing anything, when gtid_executed is not empty
   */
  static RecipientSession open(
      MySqlConnector recipient, Set<String> keptUsers, Duration readTimeout) {
    Connection connection = null;
    try {
      connection = recipient.open();
      connection.setNetworkTimeout(Runnable::run, (int) readTimeout.toMillis());
      Endpoint session = new Endpoint(recipient.endpoint(), connection);
      GtidSet executed =
          GtidSet.parse(
              session.queryString(
                  "reading the recipient's GTIDs", "SELECT @@global.gtid_executed"));
      if (!executed.isEmpty()) {
        throw new RecipientNotEmptyException(recipient.endpoint(), executed);
      }
      boolean superReadOnly =
          "1"
              .equals(
                  session.queryString(
                      "reading super_read_only", "SELECT @@global.super_read_only"));
      RecipientSession opened = new RecipientSession(recipient, connection, superReadOnly);
      opened.prepare();
      opened.dropLeftovers(keptUsers);
      return opened;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new MySqlException(recipient.endpoint(), "opening the recipient session", e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private void prepare() {
    String action = "preparing the recipient session";
    // No binlog event and so no GTID of the recipient's own: its GTID history must be the donor's.
    execute(action, "SET SESSION sql_log_bin = 0");
    // Rows arrive in primary-key order of each table but tables in any order; the donor already
    // enforced the constraints.
    execute(action, "SET SESSION foreign_key_checks = 0");
    execute(action, "SET SESSION unique_checks = 0");
    execute(action, "SET SESSION sql_mode = " + LOAD_SQL_MODE);
    execute(action, "SET SESSION time_zone = '+00:00'");
    // read_only stays on: only this privileged session can write while super_read_only is off.
    execute("lifting super_read_only for the load", "SET GLOBAL super_read_only = OFF");
  }

  private void dropLeftovers(Set<String> keptUsers) {
    List<String> schemas =
        query(
            "listing leftover schemas",
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN ("
                + SystemNames.schemaList()
                + ")",
            rs -> rs.getString(1));
    for (String schema : schemas) {
      LOG.info("{}: dropping schema {} left by an earlier copy", endpoint(), schema);
      execute(
          "dropping leftover schema " + schema, "DROP DATABASE " + SqlQuoting.identifier(schema));
    }
    List<String[]> accounts =
        query(
            "listing leftover accounts",
            "SELECT User, Host FROM mysql.user",
            rs -> new String[] {rs.getString(1), rs.getString(2)});
    for (String[] account : accounts) {
      if (SystemNames.USERS.contains(account[0]) || keptUsers.contains(account[0])) {
        continue;
      }
      String name = SqlQuoting.account(account[0], account[1]);
      LOG.info("{}: dropping account {} left by an earlier copy", endpoint(), name);
      execute("dropping leftover account " + name, "DROP USER IF EXISTS " + name);
    }
  }

  /**
   * Records the donor's snapshot as the recipient's history. It is the copy's last write: the
   * recipient stops being "empty" only once all data is in, and then replicates from exactly the
   * next transaction with GTID auto-positioning.
   */
  void markComplete(GtidSet gtids) {
    execute(
        "setting gtid_purged to the copied GTIDs",
        "SET GLOBAL gtid_purged = " + SqlQuoting.stringLiteral(gtids.toString()));
  }

  @Override
  public void close() {
    try {
      if (wasSuperReadOnly) {
        execute("restoring super_read_only", "SET GLOBAL super_read_only = ON");
      }
    } finally {
      closeQuietly(connection());
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the recipient session", e);
    }
  }
}
