package dev.moco4j.eventbus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One fixed, realistic message of each type; shared with other modules through the test jar. */
public final class SampleMessages {

  static final String PRIMARY_GTIDS = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-1042";

  static final ClusterStatusSnapshot CLUSTER_STATUS =
      new ClusterStatusSnapshot(
          "shop",
          "orders",
          ClusterState.HEALTHY,
          1,
          List.of(
              new InstanceStatus(
                  0, InstanceRole.REPLICA, true, false, PRIMARY_GTIDS, Duration.ofMillis(250)),
              new InstanceStatus(1, InstanceRole.PRIMARY, true, false, PRIMARY_GTIDS, null),
              new InstanceStatus(
                  2, InstanceRole.REPLICA, true, false, PRIMARY_GTIDS, Duration.ZERO)),
          Instant.parse("2025-06-01T12:00:00.123456789Z"));

  static final CommandRequest SWITCHOVER =
      new CommandRequest(
          "req-1",
          Command.SWITCHOVER,
          "shop",
          "orders",
          Map.of(CommandRequest.TARGET_INSTANCE_INDEX, "2"));

  static final CommandReply ACCEPTED =
      new CommandReply("req-1", CommandOutcome.ACCEPTED, "switchover started");

  static final BackupRequest BACKUP_REQUEST =
      new BackupRequest(
          "req-2",
          "shop",
          "orders",
          "daily",
          BackupReason.ON_DEMAND,
          Instant.parse("2025-06-01T02:00:00Z"));

  static final BackupResult BACKUP_FAILED =
      new BackupResult(
          "req-2",
          "shop",
          "orders",
          BackupOutcome.FAILED,
          null,
          null,
          Instant.parse("2025-06-01T02:00:01Z"),
          Instant.parse("2025-06-01T02:00:09Z"),
          0,
          0,
          "no replica is ready and the policy forbids the primary");

  private SampleMessages() {}

  public static List<EventBusMessage> all() {
    return List.of(CLUSTER_STATUS, SWITCHOVER, ACCEPTED, BACKUP_REQUEST, BACKUP_FAILED);
  }
}
