package dev.moco4j.eventbus;

/**
 * The event bus addresses moco4j services talk on. An address is part of the contract like a
 * message field: renaming one splits old and new services apart during a rolling upgrade.
 */
public final class EventBusAddresses {

  /** Published by the health-monitor after each clustering loop: {@link ClusterStatusSnapshot}. */
  public static final String CLUSTER_STATUS = "moco4j.cluster-status";

  /**
   * Request–reply to the health-monitor: a {@link CommandRequest} for SWITCHOVER, STOP_CLUSTERING
   * or START_CLUSTERING, answered with a {@link CommandReply}.
   */
  public static final String HEALTH_MONITOR_COMMANDS = "moco4j.health-monitor.commands";

  /** Request–reply to the backup-service: a BACKUP_NOW {@link CommandRequest}. */
  public static final String BACKUP_COMMANDS = "moco4j.backup.commands";

  /** {@code send} (never publish) a {@link BackupRequest}, so exactly one worker takes it. */
  public static final String BACKUP_WORK = "moco4j.backup.work";

  /** Published by the worker that ran a backup: {@link BackupResult}. */
  public static final String BACKUP_RESULTS = "moco4j.backup.results";

  /** {@code send} restore work to one restore-service instance; its record comes with restore. */
  public static final String RESTORE_WORK = "moco4j.restore.work";

  /** Published by the restore-service when a restore ends; its record comes with restore. */
  public static final String RESTORE_RESULTS = "moco4j.restore.results";

  private EventBusAddresses() {}

  /** Where to send a command: the address of the service that handles it. */
  public static String commandsFor(Command command) {
    return switch (command) {
      case SWITCHOVER, STOP_CLUSTERING, START_CLUSTERING -> HEALTH_MONITOR_COMMANDS;
      case BACKUP_NOW -> BACKUP_COMMANDS;
      case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN is not a command to send");
    };
  }
}
