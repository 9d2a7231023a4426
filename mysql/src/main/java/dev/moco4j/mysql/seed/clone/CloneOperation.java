package dev.moco4j.mysql.seed.clone;

import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.SqlQuoting;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.mysql.seed.RecipientNotEmptyException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs CLONE INSTANCE on a recipient and reads its clone status. */
public final class CloneOperation {

  private static final Logger LOG = LoggerFactory.getLogger(CloneOperation.class);

  /** ER_RESTART_SERVER_FAILED: cloned, but no supervisor to restart mysqld. */
  private static final int ER_RESTART_SERVER_FAILED = 3707;

  private final MySqlConnector recipient;

  public CloneOperation(MySqlConnector recipient) {
    this.recipient = recipient;
  }

  /**
   * Clones the donor into this recipient, blocking until the statement ends (up to {@code
   * timeout}). CLONE first deletes the recipient's user data, so an instance that executed any
   * transaction is refused. The recipient's connection is expected to drop when the clone succeeds:
   * see {@link CloneOutcome}.
   *
   * @throws RecipientNotEmptyException when the recipient's gtid_executed is not empty
   * @throws MySqlException when the clone fails; its message never contains the password
   */
  public CloneOutcome cloneFrom(CloneCommand command, Duration timeout) {
    GtidSet executed = new InstanceFactsQuery(recipient).read().gtidExecuted();
    if (!executed.isEmpty()) {
      throw new RecipientNotEmptyException(recipient.endpoint(), executed);
    }
    LOG.info("{}: starting {}", recipient.endpoint(), command);
    try (Connection connection = recipient.open();
        Statement statement = connection.createStatement()) {
      // A clone copies the whole data directory: lift the read timeout for this connection only.
      connection.setNetworkTimeout(Runnable::run, (int) Math.min(timeout.toMillis(), 1L << 30));
      for (String sql : command.statements()) {
        statement.execute(sql);
      }
      return CloneOutcome.RESTART_REQUIRED;
    } catch (SQLException e) {
      if (e.getErrorCode() == ER_RESTART_SERVER_FAILED) {
        LOG.info("{}: cloned; mysqld must be restarted by its container", recipient.endpoint());
        return CloneOutcome.RESTART_REQUIRED;
      }
      if (isConnectionLost(e)) {
        LOG.info("{}: connection lost during clone; expecting a restart", recipient.endpoint());
        return CloneOutcome.RESTARTING;
      }
      throw new MySqlException(recipient.endpoint(), "cloning " + command, redacted(e, command));
    }
  }

  /**
   * Waits, up to {@code timeout}, for the clone to be finished according to the recipient's own
   * {@code clone_status}, reconnecting as needed: the recipient restarts at the end of a clone, so
   * refused connections and an "In Progress" state are expected for a while.
   *
   * @return the last status read, finished unless the wait timed out; empty if none could be read
   */
  public Optional<CloneStatus> awaitFinished(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<CloneStatus> last = Optional.empty();
    while (true) {
      try {
        last = status();
        if (last.map(CloneStatus::isFinished).orElse(false)) {
          return last;
        }
      } catch (MySqlException e) {
        LOG.debug("{}: clone status not readable yet: {}", recipient.endpoint(), e.getMessage());
      }
      if (System.nanoTime() - deadline > 0) {
        return last;
      }
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
    }
  }

  /** The current or last clone, or empty when this instance never ran one. */
  public Optional<CloneStatus> status() {
    try (Connection connection = recipient.open();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT STATE, SOURCE, ERROR_NO, ERROR_MESSAGE, BINLOG_FILE, BINLOG_POSITION,"
                    + " GTID_EXECUTED FROM performance_schema.clone_status")) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          CloneStatus.of(
              rs.getString(1),
              rs.getString(2),
              rs.getInt(3),
              rs.getString(4),
              rs.getString(5),
              rs.getLong(6),
              rs.getString(7)));
    } catch (SQLException e) {
      throw new MySqlException(recipient.endpoint(), "reading clone status", e);
    }
  }

  /** SQLSTATE class 08 is "connection exception"; the driver uses it for a dropped link. */
  private static boolean isConnectionLost(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("08");
  }

  /** Server errors may quote the statement (e.g. a syntax error), and with it the password. */
  private static SQLException redacted(SQLException e, CloneCommand command) {
    String message = String.valueOf(e.getMessage());
    String secret = command.password();
    if (secret.isEmpty()) {
      return e;
    }
    String quoted = SqlQuoting.stringLiteral(secret);
    String escaped = quoted.substring(1, quoted.length() - 1);
    String clean = message.replace(escaped, "<password>").replace(secret, "<password>");
    if (clean.equals(message)) {
      return e;
    }
    // The original is not attached as the cause: its message is what must not be logged.
    return new SQLException(clean, e.getSQLState(), e.getErrorCode());
  }
}
