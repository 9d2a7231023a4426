package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.gtid.GtidSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only transaction on the donor whose view of the data is exactly its {@link #gtids()}:
 * everything the copy reads goes through this one session.
 */
final class DonorSnapshot extends Endpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DonorSnapshot.class);

  private final GtidSet gtids;

  private DonorSnapshot(MySqlConnector donor, Connection connection, GtidSet gtids) {
    super(donor.endpoint(), connection);
    this.gtids = gtids;
  }

  GtidSet gtids() {
    return gtids;
  }

  /**
   * Opens the snapshot. On a replica the SQL thread is stopped while the transaction starts, so
   * nothing commits between the snapshot and the read of gtid_executed, and restarted at once: the
   * snapshot keeps its view while the replica catches up. On a primary, FLUSH TABLES WITH READ LOCK
   * holds commits for the same two statements (the mysqldump --single-transaction technique).
   */
  static DonorSnapshot open(MySqlConnector donor, boolean donorIsReplica, Duration readTimeout) {
    Connection connection = null;
    try {
      connection = donor.open();
      connection.setNetworkTimeout(Runnable::run, (int) readTimeout.toMillis());
      Endpoint session = new Endpoint(donor.endpoint(), connection);
      // Server-formatted values and SHOW CREATE output must not depend on the donor's defaults:
      // plain backquoted DDL, TIMESTAMPs in UTC, password hashes printable as hex.
      session.execute("preparing the donor session", "SET SESSION sql_mode = ''");
      session.execute("preparing the donor session", "SET SESSION time_zone = '+00:00'");
      session.execute(
          "preparing the donor session", "SET SESSION print_identified_with_as_hex = ON");
      session.execute(
          "preparing the donor session", "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      GtidSet gtids = donorIsReplica ? onReplica(donor, session) : onPrimary(session);
      LOG.info("{}: donor snapshot at {}", donor.endpoint(), gtids);
      return new DonorSnapshot(donor, connection, gtids);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new MySqlException(donor.endpoint(), "opening the donor snapshot", e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static GtidSet onPrimary(Endpoint session) {
    // Bounded: FTWRL waits for running statements, and every writer queues behind it meanwhile.
    session.execute("limiting the read lock wait", "SET SESSION lock_wait_timeout = 60");
    session.execute("locking the donor for the snapshot", "FLUSH TABLES WITH READ LOCK");
    try {
      return startSnapshot(session);
    } finally {
      // UNLOCK TABLES ends the global read lock but, unlike after LOCK TABLES, not the transaction.
      session.execute("unlocking the donor", "UNLOCK TABLES");
    }
  }

  private static GtidSet onReplica(MySqlConnector donor, Endpoint session) throws SQLException {
    // START/STOP REPLICA commit implicitly: they run on their own connection.
    try (Connection control = donor.open()) {
      Endpoint replication = new Endpoint(donor.endpoint(), control);
      boolean applying =
          replication
              .query(
                  "reading the donor's replica status",
                  "SHOW REPLICA STATUS",
                  rs -> "Yes".equals(rs.getString("Replica_SQL_Running")))
              .contains(true);
      replication.execute("pausing the donor's applier", "STOP REPLICA SQL_THREAD");
      try {
        return startSnapshot(session);
      } finally {
        if (applying) {
          replication.execute("resuming the donor's applier", "START REPLICA SQL_THREAD");
        }
      }
    }
  }

  private static GtidSet startSnapshot(Endpoint session) {
    session.execute(
        "starting the snapshot transaction",
        "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    return GtidSet.parse(
        session.queryString("reading the snapshot's GTID set", "SELECT @@global.gtid_executed"));
  }

  /** Ends the transaction; the donor keeps nothing of the copy. */
  @Override
  public void close() {
    closeQuietly(connection());
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the donor snapshot connection", e);
    }
  }
}
