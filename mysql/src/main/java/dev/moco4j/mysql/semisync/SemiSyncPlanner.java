package dev.moco4j.mysql.semisync;

import dev.moco4j.mysql.SemiSyncSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides the semi-synchronous replication settings of one instance from the cluster's size, the
 * instance's role and its loaded plugins. Pure: no I/O.
 *
 * <p>Only the plugin names of MySQL 8.0.26 and later ({@code rpl_semi_sync_source}, {@code
 * rpl_semi_sync_replica}) are supported. An instance that has only the older {@code
 * rpl_semi_sync_master}/{@code rpl_semi_sync_slave} plugins is reported as unavailable, with a
 * message naming the plugin to load instead: the two generations use different variable names and
 * cannot be loaded together, and moco4j loads the new ones in the my.cnf it generates.
 *
 * <p>Both plugins are required on every instance whatever its role, because a switchover or
 * failover can turn any replica into the primary and the primary into a replica.
 */
public final class SemiSyncPlanner {

  static final String SOURCE_PLUGIN = "rpl_semi_sync_source";
  static final String REPLICA_PLUGIN = "rpl_semi_sync_replica";
  private static final String OLD_SOURCE_PLUGIN = "rpl_semi_sync_master";
  private static final String OLD_REPLICA_PLUGIN = "rpl_semi_sync_slave";
  private static final String AFTER_SYNC = "AFTER_SYNC";

  /**
   * The largest value of {@code rpl_semi_sync_source_timeout} (milliseconds, range 0-4294967295 in
   * the MySQL 8.0 reference manual, "Replication Source Options and Variables"), about 49.7 days.
   * On timeout the source silently reverts to asynchronous replication, after which a failover can
   * lose acknowledged commits; a blocked primary is the lesser harm, and the health monitor sees
   * it.
   */
  public static final long NEVER_FALL_BACK_TO_ASYNC_MILLIS = 4_294_967_295L;

  private SemiSyncPlanner() {}

  /**
   * @param instances the number of instances in the cluster (at least 1)
   * @param activePlugins the instance's active plugins, as in {@code InstanceFacts.activePlugins()}
   * @param current the instance's current replica-side setting and I/O thread state
   */
  public static SemiSyncPlan plan(
      int instances, Role role, Set<String> activePlugins, CurrentSemiSync current) {
    if (instances < 1) {
      throw new IllegalArgumentException("a cluster has at least one instance, got " + instances);
    }
    if (role == Role.REPLICA && instances == 1) {
      throw new IllegalArgumentException("a cluster of one instance has no replica");
    }
    List<String> missing = new ArrayList<>();
    requirePlugin(activePlugins, SOURCE_PLUGIN, OLD_SOURCE_PLUGIN, missing);
    requirePlugin(activePlugins, REPLICA_PLUGIN, OLD_REPLICA_PLUGIN, missing);
    if (!missing.isEmpty()) {
      return SemiSyncPlan.unavailable(String.join("; ", missing));
    }
    return switch (role) {
      case PRIMARY -> primary(instances);
      case REPLICA -> replica(current);
      case INTERMEDIATE_PRIMARY -> intermediatePrimary();
    };
  }

  /**
   * An intermediate primary's commits are its applier's: a source-side wait would stall the applier
   * on every transaction until one of its own replicas acknowledged, and the external source it
   * replicates from is not moco4j's to acknowledge to. Its replicas keep the replica setting; with
   * nobody waiting, their acknowledgements are simply unused.
   */
  private static SemiSyncPlan intermediatePrimary() {
    return new SemiSyncPlan.Apply(
        List.of(
            "SET GLOBAL rpl_semi_sync_source_enabled = OFF",
            "SET GLOBAL rpl_semi_sync_replica_enabled = OFF"),
        false);
  }

  private static SemiSyncPlan primary(int instances) {
    List<String> statements = new ArrayList<>();
    if (instances == 1) {
      // No replica could acknowledge: enabled, every commit would wait for the timeout.
      statements.add("SET GLOBAL rpl_semi_sync_source_enabled = OFF");
    } else {
      // Timeout, wait point and count are set before enabling, so that there is no moment with
      // semi-sync on and the default 10 s fallback to async.
      statements.add(
          "SET GLOBAL rpl_semi_sync_source_timeout = " + NEVER_FALL_BACK_TO_ASYNC_MILLIS);
      // AFTER_SYNC (the default, restated against a tenant's my.cnf) makes a commit visible to
      // other sessions only after a replica has it, so a failover never loses what was read.
      statements.add("SET GLOBAL rpl_semi_sync_source_wait_point = " + AFTER_SYNC);
      statements.add(
          "SET GLOBAL rpl_semi_sync_source_wait_for_replica_count = "
              + waitForReplicaCount(instances));
      statements.add("SET GLOBAL rpl_semi_sync_source_enabled = ON");
    }
    // A promoted replica would otherwise keep acknowledging to nobody; harmless, but untidy.
    statements.add("SET GLOBAL rpl_semi_sync_replica_enabled = OFF");
    return new SemiSyncPlan.Apply(statements, false);
  }

  private static SemiSyncPlan replica(CurrentSemiSync current) {
    // A demoted primary must stop waiting for acknowledgements.
    List<String> statements =
        List.of(
            "SET GLOBAL rpl_semi_sync_source_enabled = OFF",
            "SET GLOBAL rpl_semi_sync_replica_enabled = ON");
    // The replica-side setting is read when the I/O thread connects: a running thread must
    // reconnect to start acknowledging, but only when the setting actually changes, so that a
    // periodic reconcile does not interrupt replication.
    boolean restart = !current.replicaEnabled() && current.ioThreadActive();
    return new SemiSyncPlan.Apply(statements, restart);
  }

  /**
   * Whether {@code current} already is what {@link #plan} would set for {@code role}, so that a
   * periodic pass issues nothing when nothing changed.
   */
  public static boolean isInPlace(int instances, Role role, SemiSyncSettings current) {
    if (role == Role.REPLICA) {
      return !current.sourceEnabled() && current.replicaEnabled();
    }
    if (role == Role.INTERMEDIATE_PRIMARY || instances == 1) {
      return !current.sourceEnabled() && !current.replicaEnabled();
    }
    return current.sourceEnabled()
        && current.waitForReplicaCount() == waitForReplicaCount(instances)
        && current.timeoutMillis() == NEVER_FALL_BACK_TO_ASYNC_MILLIS
        && AFTER_SYNC.equalsIgnoreCase(current.waitPoint())
        && !current.replicaEnabled();
  }

  /**
   * Half of the replicas, rounded down: with {@code n = 2k+1} instances, a commit is on the primary
   * and on {@code k} replicas, so any {@code k+1} surviving instances include one that has it.
   */
  static int waitForReplicaCount(int instances) {
    return (instances - 1) / 2;
  }

  private static void requirePlugin(
      Set<String> activePlugins, String plugin, String oldPlugin, List<String> missing) {
    if (activePlugins.contains(plugin)) {
      return;
    }
    if (activePlugins.contains(oldPlugin)) {
      missing.add(
          plugin
              + " plugin is not loaded (only the pre-8.0.26 "
              + oldPlugin
              + " is, which moco4j does not use)");
    } else {
      missing.add(plugin + " plugin is not loaded");
    }
  }
}
