package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.mysql.seed.DonorKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only transaction on the donor whose view of the data is exactly its {@link #gtids()}:
 * everything the copy reads goes through this one session.
 */
final class DonorSnapshot extends Endpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DonorSnapshot.class);

  /** ER_SPECIFIC_ACCESS_DENIED_ERROR: the account lacks BACKUP_ADMIN for the backup lock. */
  private static final int ER_SPECIFIC_ACCESS_DENIED = 1227;

  /** How often an external donor's snapshot is retaken when commits keep landing around it. */
  static final int EXTERNAL_ATTEMPTS = 50;

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
   * holds commits for the same two statements (the mysqldump --single-transaction technique). On an
   * external donor neither is allowed: see {@link #onExternal}.
   */
  static DonorSnapshot open(MySqlConnector donor, DonorKind kind, Duration readTimeout) {
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
      GtidSet gtids =
          switch (kind) {
            case OWN_PRIMARY -> onPrimary(session);
            case OWN_REPLICA -> onReplica(donor, session);
            case EXTERNAL -> onExternal(session);
          };
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

  /**
   * Takes the snapshot without holding up the donor's commits or replication (MySQL Shell's way
   * when it may not use FLUSH TABLES WITH READ LOCK): {@code LOCK INSTANCE FOR BACKUP}, which
   * blocks DDL but not writes, is held by this session for the whole copy so that no table changes
   * under it; then the snapshot is started between two reads of {@code gtid_executed} and retaken
   * until {@link SnapshotGtids} can tell its GTID set. Without BACKUP_ADMIN the copy goes on
   * unlocked: DDL during it then makes a read fail and the copy is re-run.
   */
  private static GtidSet onExternal(Endpoint session) {
    try {
      session.execute("taking the backup lock on the donor", "LOCK INSTANCE FOR BACKUP");
    } catch (MySqlException e) {
      if (e.errorCode() != ER_SPECIFIC_ACCESS_DENIED) {
        throw e;
      }
      LOG.warn("{}: no BACKUP_ADMIN, copying without the backup lock", session.endpoint());
    }
    for (int attempt = 1; attempt <= EXTERNAL_ATTEMPTS; attempt++) {
      GtidSet before = executed(session);
      session.execute(
          "starting the snapshot transaction",
          "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
      List<String> after =
          session
              .query(
                  "reading the GTIDs around the snapshot",
                  "SELECT @@global.gtid_owned, @@global.gtid_executed",
                  rs -> List.of(String.valueOf(rs.getString(1)), rs.getString(2)))
              .getFirst();
      Optional<GtidSet> gtids = SnapshotGtids.of(before, after.get(0), GtidSet.parse(after.get(1)));
      if (gtids.isPresent()) {
        return gtids.get();
      }
      session.execute("discarding an inconsistent snapshot", "ROLLBACK");
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10L * attempt));
    }
    throw new MySqlException(
        session.endpoint(),
        "taking a consistent snapshot of the external donor",
        new SQLException(
            "transactions committed around each of "
                + EXTERNAL_ATTEMPTS
                + " snapshot attempts, so no snapshot could be matched to a GTID set; the copy"
                + " is retried on a later pass"));
  }

  private static GtidSet executed(Endpoint session) {
    return GtidSet.parse(
        session.queryString("reading the donor's GTID set", "SELECT @@global.gtid_executed"));
  }

  private static GtidSet startSnapshot(Endpoint session) {
    session.execute(
        "starting the snapshot transaction",
        "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    return executed(session);
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
