package dev.moco4j.mysql;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Switches an instance between writable and {@code super_read_only}. */
public final class ReadOnlyControl {

  private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyControl.class);

  /** ER_LOCK_WAIT_TIMEOUT: the global read lock was not granted within lock_wait_timeout. */
  private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

  private static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(5);
  private static final int ATTEMPTS = 3;

  private final MySqlConnector connector;
  private final Set<String> keptUsers;
  private final Duration lockWait;

  /** Keeps the sessions of the connector's own account when it has to end blocking sessions. */
  public ReadOnlyControl(MySqlConnector connector) {
    this(connector, Set.of(), DEFAULT_LOCK_WAIT);
  }

  /**
   * @param keptUsers accounts whose sessions are never killed to get the lock (the operator's own;
   *     the connector's account is always kept)
   * @param lockWait how long one attempt waits for the global read lock
   */
  public ReadOnlyControl(MySqlConnector connector, Set<String> keptUsers, Duration lockWait) {
    this.connector = connector;
    Set<String> kept = new HashSet<>(keptUsers);
    kept.add(connector.settings().credentials().user());
    this.keptUsers = Set.copyOf(kept);
    this.lockWait = lockWait;
  }

  /**
   * Refuses writes from every user, including those with SUPER or CONNECTION_ADMIN; replication
   * threads still apply. Setting {@code super_read_only} also sets {@code read_only}.
   *
   * <p>The server takes the global read lock for this, so a client holding a table write lock
   * ({@code LOCK TABLES ... WRITE}) or running a long write statement makes it wait, by default for
   * a year ({@code lock_wait_timeout}). Each attempt waits a bounded time; when it times out the
   * client sessions are killed (never replication threads nor {@code keptUsers}) and the setting is
   * retried: fencing an instance matters more than its clients' sessions.
   */
  public void makeSuperReadOnly() {
    Sql.withConnection(
        connector,
        "setting super_read_only",
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION lock_wait_timeout = " + lockWaitSeconds());
            for (int attempt = 1; ; attempt++) {
              try {
                statement.execute("SET GLOBAL super_read_only = ON");
                return null;
              } catch (SQLException e) {
                if (e.getErrorCode() != ER_LOCK_WAIT_TIMEOUT || attempt == ATTEMPTS) {
                  throw e;
                }
                int killed = new ClientConnections(connector).killAllExcept(keptUsers);
                LOG.warn(
                    "{}: super_read_only waited {} for the global read lock; killed {} client"
                        + " connections and retrying",
                    connector.endpoint(),
                    lockWait,
                    killed);
              }
            }
          }
        });
  }

  /** Within the connection's read timeout, so that the server's timeout is the one that fires. */
  private long lockWaitSeconds() {
    Duration readTimeout = connector.settings().readTimeout();
    Duration wait =
        lockWait.compareTo(readTimeout.dividedBy(2)) < 0 ? lockWait : readTimeout.dividedBy(2);
    return Math.max(1, wait.toSeconds());
  }

  /**
   * Accepts writes. {@code super_read_only} must go first: turning off {@code read_only} while
   * {@code super_read_only} is on is refused by the server.
   */
  public void makeWritable() {
    Sql.execute(
        connector,
        "making the instance writable",
        "SET GLOBAL super_read_only = OFF",
        "SET GLOBAL read_only = OFF");
  }
}
