package dev.moco4j.mysql;

/** Switches an instance between writable and {@code super_read_only}. */
public final class ReadOnlyControl {

  private final MySqlConnector connector;

  public ReadOnlyControl(MySqlConnector connector) {
    this.connector = connector;
  }

  /**
   * Refuses writes from every user, including those with SUPER or CONNECTION_ADMIN; replication
   * threads still apply. Setting {@code super_read_only} also sets {@code read_only}.
   */
  public void makeSuperReadOnly() {
    Sql.execute(connector, "setting super_read_only", "SET GLOBAL super_read_only = ON");
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
