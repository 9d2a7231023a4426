package dev.moco4j.mysql.semisync;

/**
 * The replica-side state the planner needs to decide whether the I/O thread must reconnect.
 *
 * @param replicaEnabled the current {@code rpl_semi_sync_replica_enabled}
 * @param ioThreadActive whether the replication I/O thread is running or connecting
 */
public record CurrentSemiSync(boolean replicaEnabled, boolean ioThreadActive) {

  /** An instance without the plugin, or not replicating: nothing to restart. */
  public static final CurrentSemiSync NONE = new CurrentSemiSync(false, false);
}
