package dev.moco4j.mysql;

/** Configures and runs an instance's replication threads (the default channel only). */
public final class ReplicationControl {

  private final MySqlConnector connector;

  public ReplicationControl(MySqlConnector connector) {
    this.connector = connector;
  }

  /**
   * Points the instance at {@code source} with GTID auto-positioning and leaves replication
   * stopped. Safe to repeat: the threads are stopped first because CHANGE REPLICATION SOURCE
   * refuses to change the source while they run.
   */
  public void pointAt(ReplicationSource source) {
    Sql.execute(connector, "stopping replication", "STOP REPLICA");
    Sql.executeWithArguments(
        connector,
        "changing the replication source to " + source.endpoint(),
        "CHANGE REPLICATION SOURCE TO SOURCE_HOST = ?, SOURCE_PORT = ?, SOURCE_USER = ?,"
            + " SOURCE_PASSWORD = ?, SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1,"
            + " SOURCE_SSL = "
            + (source.useTls() ? 1 : 0)
            // Retry for a day at 5 s intervals: a source being restarted must not stop replication.
            + ", SOURCE_CONNECT_RETRY = 5, SOURCE_RETRY_COUNT = 17280",
        source.endpoint().host(),
        source.endpoint().port(),
        source.credentials().user(),
        source.credentials().password());
  }

  public void start() {
    Sql.execute(connector, "starting replication", "START REPLICA");
  }

  public void stop() {
    Sql.execute(connector, "stopping replication", "STOP REPLICA");
  }

  /**
   * Stops only the receiver thread: the replica takes nothing more from its source (and so sends no
   * more semi-sync acknowledgements) but goes on applying what it already retrieved.
   */
  public void stopIoThread() {
    Sql.execute(connector, "stopping the replication I/O thread", "STOP REPLICA IO_THREAD");
  }

  public void startIoThread() {
    Sql.execute(connector, "starting the replication I/O thread", "START REPLICA IO_THREAD");
  }

  /** Starts only the applier (SQL) thread, to apply what was already retrieved. */
  public void startSqlThread() {
    Sql.execute(connector, "starting the replication SQL thread", "START REPLICA SQL_THREAD");
  }

  /** Stops replication and forgets the source, as on a primary. */
  public void reset() {
    Sql.execute(connector, "resetting replication", "STOP REPLICA", "RESET REPLICA ALL");
  }
}
