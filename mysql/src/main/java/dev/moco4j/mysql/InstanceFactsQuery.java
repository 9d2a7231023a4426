package dev.moco4j.mysql;

import dev.moco4j.mysql.gtid.GtidSet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** Reads an instance's {@link InstanceFacts}. */
public final class InstanceFactsQuery {

  private final MySqlConnector connector;

  public InstanceFactsQuery(MySqlConnector connector) {
    this.connector = connector;
  }

  public InstanceFacts read() {
    return Sql.withConnection(connector, "reading instance facts", this::read);
  }

  private InstanceFacts read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      Variables v = variables(statement);
      Set<String> plugins = activePlugins(statement);
      return new InstanceFacts(
          v.serverUuid(),
          v.serverId(),
          v.version(),
          v.gtidExecuted(),
          v.gtidPurged(),
          v.readOnly(),
          v.superReadOnly(),
          replicaStatus(statement),
          replicas(statement),
          plugins,
          semiSync(statement, plugins),
          Optional.of(sessions(statement)));
    }
  }

  private record Variables(
      String serverUuid,
      long serverId,
      String version,
      GtidSet gtidExecuted,
      GtidSet gtidPurged,
      boolean readOnly,
      boolean superReadOnly) {}

  private static Variables variables(Statement statement) throws SQLException {
    // The GTID variables are read with the flags in one statement so they describe one moment.
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT @@server_uuid, @@server_id, @@version, @@global.gtid_executed,"
                + " @@global.gtid_purged, @@global.read_only, @@global.super_read_only")) {
      rs.next();
      return new Variables(
          rs.getString(1),
          rs.getLong(2),
          rs.getString(3),
          GtidSet.parse(rs.getString(4)),
          GtidSet.parse(rs.getString(5)),
          rs.getBoolean(6),
          rs.getBoolean(7));
    }
  }

  private static Optional<ReplicaStatus> replicaStatus(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SHOW REPLICA STATUS")) {
      if (!rs.next()) {
        return Optional.empty();
      }
      long behind = rs.getLong("Seconds_Behind_Source");
      OptionalLong secondsBehind = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(behind);
      return Optional.of(
          new ReplicaStatus(
              rs.getString("Source_Host"),
              rs.getInt("Source_Port"),
              rs.getString("Source_User"),
              rs.getString("Source_UUID"),
              ReplicaStatus.IoThreadState.parse(rs.getString("Replica_IO_Running")),
              "Yes".equals(rs.getString("Replica_SQL_Running")),
              GtidSet.parse(rs.getString("Retrieved_Gtid_Set")),
              GtidSet.parse(rs.getString("Executed_Gtid_Set")),
              rs.getInt("Auto_Position") == 1,
              rs.getInt("Last_IO_Errno"),
              rs.getString("Last_IO_Error"),
              rs.getInt("Last_SQL_Errno"),
              rs.getString("Last_SQL_Error"),
              secondsBehind));
    }
  }

  private static List<ReplicaHost> replicas(Statement statement) throws SQLException {
    List<ReplicaHost> replicas = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("SHOW REPLICAS")) {
      while (rs.next()) {
        replicas.add(
            new ReplicaHost(
                rs.getLong("Server_Id"),
                rs.getString("Host"),
                rs.getInt("Port"),
                rs.getLong("Source_Id"),
                rs.getString("Replica_UUID")));
      }
    }
    return List.copyOf(replicas);
  }

  /**
   * One pass over the process list (needs the PROCESS privilege to see other accounts' sessions). A
   * replica's I/O thread is served by a binlog dump session; a committing session waiting for a
   * semi-sync acknowledgement shows the state "Waiting for semi-sync ACK from replica" ("from
   * slave" before 8.0.26).
   */
  private static Sessions sessions(Statement statement) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT COUNT(CASE WHEN COMMAND IN ('Binlog Dump', 'Binlog Dump GTID') THEN 1 END),"
                + " COUNT(CASE WHEN STATE LIKE 'Waiting for semi-sync ACK from %' THEN 1 END)"
                + " FROM information_schema.PROCESSLIST")) {
      rs.next();
      return new Sessions(rs.getInt(1), rs.getInt(2));
    }
  }

  /** The variables exist only while the plugins are loaded. */
  private static Optional<SemiSyncSettings> semiSync(Statement statement, Set<String> plugins)
      throws SQLException {
    if (!plugins.contains("rpl_semi_sync_source") || !plugins.contains("rpl_semi_sync_replica")) {
      return Optional.empty();
    }
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT @@global.rpl_semi_sync_source_enabled,"
                + " @@global.rpl_semi_sync_source_wait_for_replica_count,"
                + " @@global.rpl_semi_sync_source_timeout,"
                + " @@global.rpl_semi_sync_replica_enabled,"
                + " @@global.rpl_semi_sync_source_wait_point")) {
      rs.next();
      return Optional.of(
          new SemiSyncSettings(
              rs.getBoolean(1), rs.getInt(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5)));
    }
  }

  private static Set<String> activePlugins(Statement statement) throws SQLException {
    Set<String> plugins = new TreeSet<>();
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT PLUGIN_NAME FROM information_schema.PLUGINS WHERE PLUGIN_STATUS = 'ACTIVE'")) {
      while (rs.next()) {
        plugins.add(rs.getString(1));
      }
    }
    return Set.copyOf(plugins);
  }
}
