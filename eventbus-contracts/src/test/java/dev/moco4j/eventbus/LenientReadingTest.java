package dev.moco4j.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LenientReadingTest {

  @Test
  void readsVersionOneClusterStatusWithUnknownFieldsIgnored() {
    String json =
        """
        {"schemaVersion": 1, "namespace": "shop", "cluster": "orders", "state": "HEALTHY",
         "currentPrimaryIndex": 0, "observedAt": "2025-06-01T12:00:00Z",
         "leaderHint": {"pod": "moco4j-health-monitor-0", "term": 7},
         "instances": [{"index": 0, "role": "PRIMARY", "ready": true, "errant": false,
                        "cpuSeconds": [1, 2, 3], "semiSyncAcks": 2}]}
        """;

    ClusterStatusSnapshot snapshot = MessageJson.fromJson(json, ClusterStatusSnapshot.class);

    assertThat(snapshot.cluster()).isEqualTo("orders");
    assertThat(snapshot.state()).isEqualTo(ClusterState.HEALTHY);
    assertThat(snapshot.instances())
        .singleElement()
        .extracting(InstanceStatus::role)
        .isEqualTo(InstanceRole.PRIMARY);
  }

  @Test
  void readsEnumConstantsFromNewerWritersAsUnknown() {
    String json = "{\"schemaVersion\": 2, \"requestId\": \"r\", \"command\": \"RESIZE_VOLUMES\"}";

    CommandRequest request = MessageJson.fromJson(json, CommandRequest.class);

    assertThat(request.command()).isEqualTo(Command.UNKNOWN);
    assertThat(request.schemaVersion()).isEqualTo(2);
  }

  @Test
  void givesAbsentFieldsTheirDefaults() {
    CommandRequest request = MessageJson.fromJson("{\"requestId\": \"r\"}", CommandRequest.class);

    assertThat(request.schemaVersion()).isEqualTo(EventBusMessage.FIRST_SCHEMA_VERSION);
    assertThat(request.command()).isEqualTo(Command.UNKNOWN);
    assertThat(request.arguments()).isEmpty();
    assertThat(request.targetInstanceIndex()).isEmpty();
    assertThat(MessageJson.fromJson("{}", ClusterStatusSnapshot.class).instances()).isEmpty();
  }

  @Test
  void writesTimesAsIsoStringsAndLeavesOutNullFields() {
    String json = MessageJson.toJson(SampleMessages.BACKUP_FAILED);

    assertThat(json)
        .contains("\"schemaVersion\":1")
        .contains("\"startedAt\":\"2025-06-01T02:00:01Z\"")
        .doesNotContain("gtidSet")
        .doesNotContain("targetInstanceIndex");
    assertThat(MessageJson.toJson(SampleMessages.CLUSTER_STATUS))
        .contains("\"replicationLag\":\"PT0.25S\"");
  }

  @Test
  void writesTheTargetInstanceOnlyAsAnArgument() {
    assertThat(MessageJson.toJson(SampleMessages.SWITCHOVER))
        .contains("\"arguments\":{\"targetInstanceIndex\":\"2\"}")
        .containsOnlyOnce("targetInstanceIndex");
    assertThat(SampleMessages.SWITCHOVER.targetInstanceIndex()).hasValue(2);
  }

  @Test
  void rejectsTextThatIsNotAMessageNamingTheType() {
    assertThatThrownBy(() -> MessageJson.fromJson("[1, 2]", BackupResult.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BackupResult");
  }
}
