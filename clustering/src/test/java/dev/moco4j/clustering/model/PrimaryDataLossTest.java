package dev.moco4j.clustering.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When an empty primary means lost data, and when it is just a primary nobody wrote to yet. */
class PrimaryDataLossTest {

  private static final String OLD_PRIMARY_UUID = "00000000-0000-0000-0000-0000000000aa";

  @Test
  void replicaHoldingOnlyItsOwnWritesIsErrantAndTheEmptyPrimaryStays() {
    ClusterObservation o =
        observe(
            primary(GtidSet.EMPTY),
            replica(1, GtidSet.EMPTY),
            replica(2, GtidSet.of(uuid(2), 1, 1)));

    Decision decision = ClusterDecider.decide(o);

    assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
    assertThat(decision.errant()).containsExactly(2);
    assertThat(decision.synced()).containsExactly(1);
    assertThat(decision.operation()).isNotInstanceOf(Operation.Failover.class);
  }

  @Test
  void replicasHoldingAnotherSourcesTransactionsMeanTheEmptyPrimaryLostItsData() {
    GtidSet replicated = GtidSet.of(OLD_PRIMARY_UUID, 1, 5);
    ClusterObservation o =
        observe(primary(GtidSet.EMPTY), replica(1, replicated), replica(2, replicated));

    Decision decision = ClusterDecider.decide(o);

    assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
    assertThat(decision.operation()).isEqualTo(new Operation.Failover(0, List.of(1, 2)));
  }

  @Test
  void aFormerPrimaryHoldingItsOwnWritesCountsOnceAnotherReplicaHasThemToo() {
    GtidSet fromInstanceOne = GtidSet.of(uuid(1), 1, 3);
    ClusterObservation o =
        observe(primary(GtidSet.EMPTY), replica(1, fromInstanceOne), replica(2, fromInstanceOne));

    Decision decision = ClusterDecider.decide(o);

    assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
    assertThat(decision.operation()).isInstanceOf(Operation.Failover.class);
  }

  private static ClusterObservation observe(InstanceObservation... instances) {
    return new ClusterObservation(
        ClusterShape.of(instances.length),
        0,
        Set.of(),
        List.of(instances),
        Optional.empty(),
        Optional.empty());
  }

  private static InstanceObservation primary(GtidSet executed) {
    return InstanceObservation.up(0, endpoint(0), facts(0, executed, false, Optional.empty()));
  }

  private static InstanceObservation replica(int index, GtidSet executed) {
    ReplicaStatus status =
        new ReplicaStatus(
            endpoint(0).host(),
            endpoint(0).port(),
            "repl",
            uuid(0),
            ReplicaStatus.IoThreadState.RUNNING,
            true,
            GtidSet.EMPTY,
            executed,
            true,
            0,
            "",
            0,
            "",
            OptionalLong.of(0));
    return InstanceObservation.up(
        index, endpoint(index), facts(index, executed, true, Optional.of(status)));
  }

  private static InstanceFacts facts(
      int index, GtidSet executed, boolean readOnly, Optional<ReplicaStatus> status) {
    return new InstanceFacts(
        uuid(index),
        index + 1,
        "8.0.31",
        executed,
        GtidSet.EMPTY,
        readOnly,
        readOnly,
        status,
        List.of(),
        Set.of());
  }

  private static MySqlEndpoint endpoint(int index) {
    return new MySqlEndpoint("10.0.0." + (index + 1), 3306);
  }

  private static String uuid(int index) {
    return "00000000-0000-0000-0000-00000000000" + index;
  }
}
