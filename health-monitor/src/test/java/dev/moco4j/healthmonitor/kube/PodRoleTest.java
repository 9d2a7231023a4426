package dev.moco4j.healthmonitor.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Labels;
import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Decision;
import dev.moco4j.clustering.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PodRoleTest {

  private static final PodRole PRIMARY_READY = new PodRole(Optional.of(Labels.ROLE_PRIMARY), true);
  private static final PodRole PRIMARY_NOT_READY =
      new PodRole(Optional.of(Labels.ROLE_PRIMARY), false);
  private static final PodRole REPLICA = new PodRole(Optional.of(Labels.ROLE_REPLICA), true);
  private static final PodRole NONE = new PodRole(Optional.empty(), false);

  static Decision decision(ClusterState state, Set<Integer> synced, Set<Integer> errant) {
    return new Decision(
        state, new TreeSet<>(errant), new TreeSet<>(synced), new Operation.None("test"), "test");
  }

  @Test
  void aHealthyClusterHasAReadyPrimaryAndReadyReplicas() {
    assertThat(PodRole.decide(3, 0, decision(ClusterState.HEALTHY, Set.of(1, 2), Set.of())))
        .containsExactly(PRIMARY_READY, REPLICA, REPLICA);
  }

  @Test
  void errantAndUnsyncedReplicasGetNoRoleAndAreNotReady() {
    assertThat(PodRole.decide(5, 2, decision(ClusterState.DEGRADED, Set.of(0, 4), Set.of(1))))
        .containsExactly(REPLICA, NONE, PRIMARY_READY, NONE, REPLICA);
  }

  @Test
  void aFailedPrimaryKeepsItsLabelUntilTheStatusMovesButIsNotReady() {
    assertThat(PodRole.decide(3, 1, decision(ClusterState.FAILED, Set.of(), Set.of())))
        .containsExactly(NONE, PRIMARY_NOT_READY, NONE);
  }

  @Test
  void noPodIsReadyWhileTheClusterIsIncompleteRestoringOrLost() {
    for (ClusterState state :
        List.of(ClusterState.INCOMPLETE, ClusterState.RESTORING, ClusterState.LOST)) {
      assertThat(PodRole.decide(3, 0, decision(state, Set.of(), Set.of())))
          .as("%s", state)
          .containsExactly(PRIMARY_NOT_READY, NONE, NONE);
    }
  }
}
