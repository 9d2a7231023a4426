package dev.moco4j.healthmonitor.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.ClusterState;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClusterStatesTest {

  @Test
  void everyEngineStateMapsToTheSameNamedApiAndBusState() {
    for (ClusterState state : ClusterState.values()) {
      ClusterStates mapped = ClusterStates.of(state);

      assertThat(mapped.api().name()).as("API state of %s", state).isEqualTo(state.name());
      assertThat(mapped.bus().name()).as("bus state of %s", state).isEqualTo(state.name());
    }
  }

  @Test
  void everyApiStateIsReachedSoNoneIsDeadInTheStatus() {
    Set<dev.moco4j.api.v1beta1.ClusterState> reached =
        Arrays.stream(ClusterState.values())
            .map(s -> ClusterStates.of(s).api())
            .collect(Collectors.toSet());

    assertThat(reached).containsExactlyInAnyOrder(dev.moco4j.api.v1beta1.ClusterState.values());
  }

  @Test
  void onlyHealthyAndDegradedHaveAServingPrimary() {
    Set<ClusterState> serving =
        Arrays.stream(ClusterState.values())
            .filter(ClusterStates::primaryServes)
            .collect(Collectors.toSet());

    assertThat(serving).containsExactlyInAnyOrder(ClusterState.HEALTHY, ClusterState.DEGRADED);
  }
}
