package dev.moco4j.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads the frozen version-1 samples under {@code contracts/v1/}, as a not-yet-upgraded service
 * would send them. The expected values are spelled out here, not shared with other tests, so that
 * changing a record shows up as a change to what old messages mean. Never edit the samples.
 */
class VersionOneCompatibilityTest {

  private static final String UUID_A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
  private static final String UUID_B = "8a94f357-aab4-11df-86ab-c80aa9429562";

  @Test
  void everyMessageTypeHasAFrozenVersionOneSample() {
    for (Class<? extends EventBusMessage> type : MessageCodecs.messageTypes()) {
      assertThat(VersionOneCompatibilityTest.class.getResource(samplePath(type)))
          .as("sample for %s", type.getSimpleName())
          .isNotNull();
    }
  }

  @Test
  void readsVersionOneClusterStatusSnapshot() {
    assertThat(read(ClusterStatusSnapshot.class))
        .isEqualTo(
            new ClusterStatusSnapshot(
                1,
                "shop",
                "orders",
                ClusterState.DEGRADED,
                0,
                List.of(
                    new InstanceStatus(
                        0, InstanceRole.PRIMARY, true, false, UUID_A + ":1-1042", null),
                    new InstanceStatus(
                        1,
                        InstanceRole.REPLICA,
                        true,
                        false,
                        UUID_A + ":1-1040",
                        Duration.ofMillis(1500)),
                    new InstanceStatus(
                        2,
                        InstanceRole.NONE,
                        false,
                        true,
                        UUID_A + ":1-1042," + UUID_B + ":1-3",
                        null)),
                Instant.parse("2025-06-01T12:00:00.123Z")));
  }

  @Test
  void readsVersionOneCommandRequest() {
    CommandRequest request = read(CommandRequest.class);

    assertThat(request)
        .isEqualTo(
            new CommandRequest(
                1,
                "5b0f3c1e-2f7a-4d38-9a51-0c8e2b7d6f10",
                Command.SWITCHOVER,
                "shop",
                "orders",
                Map.of("targetInstanceIndex", "2")));
    assertThat(request.targetInstanceIndex()).hasValue(2);
  }

  @Test
  void readsVersionOneCommandReply() {
    assertThat(read(CommandReply.class))
        .isEqualTo(
            new CommandReply(
                1,
                "5b0f3c1e-2f7a-4d38-9a51-0c8e2b7d6f10",
                CommandOutcome.ACCEPTED,
                "switchover of shop/orders to instance 2 started"));
  }

  @Test
  void readsVersionOneBackupRequest() {
    assertThat(read(BackupRequest.class))
        .isEqualTo(
            new BackupRequest(
                1,
                "9d2c7a44-6e1b-4f0a-8c3d-2a5b1e9f7c60",
                "shop",
                "orders",
                "daily",
                BackupReason.SCHEDULED,
                Instant.parse("2025-06-01T02:00:00Z")));
  }

  @Test
  void readsVersionOneBackupResult() {
    assertThat(read(BackupResult.class))
        .isEqualTo(
            new BackupResult(
                1,
                "9d2c7a44-6e1b-4f0a-8c3d-2a5b1e9f7c60",
                "shop",
                "orders",
                BackupOutcome.SUCCEEDED,
                "moco4j/shop/orders/20250601-020000/",
                UUID_A + ":1-980",
                Instant.parse("2025-06-01T02:00:01.250Z"),
                Instant.parse("2025-06-01T02:03:47.900Z"),
                73_400_320L,
                5_242_880L,
                null));
  }

  private static String samplePath(Class<?> type) {
    return "/contracts/v1/" + type.getSimpleName() + ".json";
  }

  private static <T extends EventBusMessage> T read(Class<T> type) {
    try (InputStream in = VersionOneCompatibilityTest.class.getResourceAsStream(samplePath(type))) {
      assertThat(in).as("sample for %s", type.getSimpleName()).isNotNull();
      return MessageJson.fromBytes(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
