package dev.moco4j.mysql;

import dev.moco4j.mysql.gtid.GtidSet;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/** Waits until an instance has executed a GTID set. */
public final class GtidWait {

  private final MySqlConnector connector;

  public GtidWait(MySqlConnector connector) {
    this.connector = connector;
  }

  /**
   * Blocks until {@code gtids} is in the instance's {@code gtid_executed} or the timeout passes.
   *
   * @return true when executed, false on timeout
   */
  public boolean awaitExecuted(GtidSet gtids, Duration timeout) {
    // WAIT_FOR_EXECUTED_GTID_SET takes whole seconds here; it returns as soon as the set is
    // executed, so rounding up only lengthens the failure case.
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    return Sql.withConnection(
        connector,
        "waiting for GTIDs " + gtids,
        connection -> {
          // The statement legitimately blocks for up to the timeout: lift the read timeout above
          // it for this connection only.
          int readTimeout =
              (int) Duration.ofSeconds(seconds).plus(connector.settings().readTimeout()).toMillis();
          connection.setNetworkTimeout(Runnable::run, readTimeout);
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)")) {
            statement.setString(1, gtids.toString());
            statement.setLong(2, seconds);
            try (ResultSet rs = statement.executeQuery()) {
              rs.next();
              return rs.getInt(1) == 0;
            }
          }
        });
  }
}
