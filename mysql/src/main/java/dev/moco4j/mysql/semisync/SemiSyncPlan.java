package dev.moco4j.mysql.semisync;

import java.util.List;

/** What to do on one instance so that its semi-synchronous replication settings fit its role. */
public sealed interface SemiSyncPlan {

  static SemiSyncPlan unavailable(String reason) {
    return new Unavailable(reason);
  }

  /**
   * Run {@code statements} in order, then restart the replication I/O thread when {@code
   * restartIoThread}: {@code rpl_semi_sync_replica_enabled} takes effect only when the I/O thread
   * (re)connects to its source.
   */
  record Apply(List<String> statements, boolean restartIoThread) implements SemiSyncPlan {
    public Apply {
      statements = List.copyOf(statements);
    }
  }

  /**
   * Semi-synchronous replication cannot be configured on this instance. Nothing is issued: the
   * caller reports {@code reason} in the cluster's status, since without semi-sync a failover may
   * lose acknowledged transactions.
   */
  record Unavailable(String reason) implements SemiSyncPlan {}
}
