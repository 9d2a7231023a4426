package dev.moco4j.mysql.semisync;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.ReplicaStatus.IoThreadState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the {@link SemiSyncPlanner}'s settings to one instance. */
public final class SemiSyncOperation {

  private static final Logger LOG = LoggerFactory.getLogger(SemiSyncOperation.class);

  private final MySqlConnector connector;

  public SemiSyncOperation(MySqlConnector connector) {
    this.connector = connector;
  }

  /**
   * Plans and applies the settings for {@code role} in a cluster of {@code instances}.
   *
   * @return the plan; an {@link SemiSyncPlan.Unavailable} one was not applied and is for the caller
   *     to report
   */
  public SemiSyncPlan configure(int instances, Role role) {
    InstanceFacts facts = new InstanceFactsQuery(connector).read();
    try (Connection connection = connector.open();
        Statement statement = connection.createStatement()) {
      SemiSyncPlan plan =
          SemiSyncPlanner.plan(instances, role, facts.activePlugins(), current(facts, statement));
      if (plan instanceof SemiSyncPlan.Apply apply) {
        for (String sql : apply.statements()) {
          statement.execute(sql);
        }
        if (apply.restartIoThread()) {
          LOG.info("{}: restarting the replication I/O thread to enable semi-sync", endpoint());
          statement.execute("STOP REPLICA IO_THREAD");
          statement.execute("START REPLICA IO_THREAD");
        }
      }
      return plan;
    } catch (SQLException e) {
      throw new MySqlException(connector.endpoint(), "configuring semi-sync replication", e);
    }
  }

  private static CurrentSemiSync current(InstanceFacts facts, Statement statement)
      throws SQLException {
    if (!facts.hasPlugin(SemiSyncPlanner.REPLICA_PLUGIN)) {
      // The variable exists only with the plugin; the planner reports the plugin missing.
      return CurrentSemiSync.NONE;
    }
    boolean ioThreadActive =
        facts
            .replicaStatus()
            .map(status -> status.ioThread() != IoThreadState.STOPPED)
            .orElse(false);
    try (ResultSet rs = statement.executeQuery("SELECT @@global.rpl_semi_sync_replica_enabled")) {
      rs.next();
      return new CurrentSemiSync(rs.getBoolean(1), ioThreadActive);
    }
  }

  private String endpoint() {
    return connector.endpoint().toString();
  }
}
