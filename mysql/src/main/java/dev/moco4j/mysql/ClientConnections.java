package dev.moco4j.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Ends client sessions on an instance, e.g. on an old primary during a switchover. */
public final class ClientConnections {

  /** MySQL's "Unknown thread id": the session ended by itself before the KILL. */
  private static final int ER_NO_SUCH_THREAD = 1094;

  private final MySqlConnector connector;

  public ClientConnections(MySqlConnector connector) {
    this.connector = connector;
  }

  /**
   * Kills every client connection except this one, the server's own threads, replicas' binlog dump
   * threads, and sessions of {@code keptUsers} (the operator's own accounts).
   *
   * @return how many connections were killed
   */
  public int killAllExcept(Set<String> keptUsers) {
    return Sql.withConnection(
        connector,
        "killing client connections",
        connection -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT ID, USER FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
                          + " AND USER NOT IN ('system user', 'event_scheduler')"
                          + " AND COMMAND NOT IN ('Binlog Dump', 'Binlog Dump GTID', 'Daemon')");
              ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
              if (!keptUsers.contains(rs.getString(2))) {
                ids.add(rs.getLong(1));
              }
            }
          }
          int killed = 0;
          try (Statement kill = connection.createStatement()) {
            for (long id : ids) {
              try {
                kill.execute("KILL CONNECTION " + id);
                killed++;
              } catch (SQLException e) {
                if (e.getErrorCode() != ER_NO_SUCH_THREAD) {
                  throw e;
                }
              }
            }
          }
          return killed;
        });
  }
}
