package dev.moco4j.reconciler.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** moco4j's [mysqld] settings and the ones a tenant's my.cnf entries may not override. */
final class MyCnfDefaults {

  private static final long MIB = 1024L * 1024;

  /**
   * Memory left to mysqld besides the buffer pool: connection buffers, performance_schema (a few
   * hundred MiB with its defaults) and the page cache of binlogs.
   */
  private static final long NON_POOL_RESERVE = 256 * MIB;

  private static final long MIN_POOL = 32 * MIB;

  /**
   * Keys (normalized: lower case, '_' for '-', no {@code loose_}) whose value the clustering rules
   * rely on, so the safe value always wins:
   *
   * <ul>
   *   <li>GTID replication with auto-positioning: gtid_mode, enforce_gtid_consistency.
   *   <li>Any replica can become the primary with every transaction: log_bin (and its negations),
   *       log_replica_updates, binlog_format ROW; replica_skip_errors would silently diverge.
   *   <li>An instance starts harmless and the health-monitor decides: super_read_only, read_only,
   *       skip_replica_start; relay_log_recovery off keeps received transactions a failover needs.
   *   <li>No split-brain: the semi-sync wait point and the never-expiring timeout, and the plugin
   *       list that loads semi-sync and clone.
   *   <li>server_id comes from the instance index; the paths and ports are where the pod mounts,
   *       probes and Services expect them; skip_networking and skip_grant_tables would cut off or
   *       open up every instance.
   * </ul>
   */
  static final Set<String> PROTECTED =
      Set.of(
          "gtid_mode",
          "enforce_gtid_consistency",
          "server_id",
          "log_bin",
          "skip_log_bin",
          "disable_log_bin",
          "log_replica_updates",
          "log_slave_updates",
          "binlog_format",
          "replica_skip_errors",
          "slave_skip_errors",
          "super_read_only",
          "read_only",
          "skip_replica_start",
          "skip_slave_start",
          "relay_log_recovery",
          "rpl_semi_sync_source_wait_point",
          "rpl_semi_sync_source_timeout",
          "plugin_load",
          "plugin_load_add",
          "datadir",
          "socket",
          "pid_file",
          "port",
          "mysqlx_port",
          "tmpdir",
          "skip_networking",
          "skip_grant_tables");

  /**
   * The largest rpl_semi_sync_source_timeout (milliseconds, about 49.7 days): on timeout a source
   * reverts to asynchronous replication, after which a failover can lose acknowledged commits.
   */
  static final String NEVER_FALL_BACK_TO_ASYNC_MILLIS = "4294967295";

  private MyCnfDefaults() {}

  /** The [mysqld] defaults for a mysqld container, keyed by normalized name. */
  static Map<String, String> forContainer(Container mysqld) {
    Map<String, String> cnf = new TreeMap<>();
    cnf.put("datadir", MysqlPaths.DATADIR);
    cnf.put("socket", MysqlPaths.SOCKET);
    cnf.put("pid_file", MysqlPaths.PID_FILE);
    cnf.put("tmpdir", MysqlPaths.TMP_DIR);
    cnf.put("port", "3306");
    cnf.put("mysqlx_port", "33060");
    cnf.put("gtid_mode", "ON");
    cnf.put("enforce_gtid_consistency", "ON");
    // Relative names live in the data directory, whatever the pod's host name.
    cnf.put("log_bin", "binlog");
    cnf.put("relay_log", "relay-bin");
    cnf.put("log_replica_updates", "ON");
    cnf.put("binlog_format", "ROW");
    cnf.put("sync_binlog", "1");
    cnf.put("innodb_flush_log_at_trx_commit", "1");
    cnf.put("super_read_only", "ON");
    cnf.put("skip_replica_start", "ON");
    cnf.put("relay_log_recovery", "OFF");
    // Users are '%' accounts; resolving every client's address only slows connections down.
    cnf.put("skip_name_resolve", "ON");
    // A plugin library that is missing is logged and skipped; the health-monitor reports it.
    cnf.put("plugin_load_add", "semisync_source.so;semisync_replica.so;mysql_clone.so");
    // loose_: accepted while the plugin is not loaded, applied once it is.
    cnf.put("loose_rpl_semi_sync_source_wait_point", "AFTER_SYNC");
    cnf.put("loose_rpl_semi_sync_source_timeout", NEVER_FALL_BACK_TO_ASYNC_MILLIS);
    bufferPoolBytes(mysqld)
        .ifPresent(bytes -> cnf.put("innodb_buffer_pool_size", Long.toString(bytes)));
    return cnf;
  }

  /**
   * About 70% of the container's memory limit (else request), keeping at least {@link
   * #NON_POOL_RESERVE} for the rest of mysqld, in whole MiB; none without a memory size (MySQL's
   * default of 128 MiB then applies).
   */
  static Optional<Long> bufferPoolBytes(Container mysqld) {
    Optional<Quantity> memory = memory(mysqld, true).or(() -> memory(mysqld, false));
    return memory.map(
        q -> {
          long bytes = Quantity.getAmountInBytes(q).setScale(0, RoundingMode.DOWN).longValue();
          long pool = Math.min(bytes * 7 / 10, bytes - NON_POOL_RESERVE);
          return Math.max(MIN_POOL, pool / MIB * MIB);
        });
  }

  private static Optional<Quantity> memory(Container mysqld, boolean limit) {
    var resources = mysqld.getResources();
    if (resources == null) {
      return Optional.empty();
    }
    var map = limit ? resources.getLimits() : resources.getRequests();
    return map == null ? Optional.empty() : Optional.ofNullable(map.get("memory"));
  }
}
