package dev.moco4j.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaPolicyTest {

  @Test
  void scalingUpAndCreatingAreAllowed() {
    assertThat(ReplicaPolicy.checkScaleDown(5, 3, 2)).isEmpty();
    assertThat(ReplicaPolicy.checkScaleDown(3, null, null)).isEmpty();
  }

  @Test
  void scalingDownBelowThePrimaryKeepsTheCurrentSizeAndSaysWhy() {
    assertThat(ReplicaPolicy.allowed(3, 5, 4)).isEqualTo(5);
    assertThat(ReplicaPolicy.checkScaleDown(3, 5, 3))
        .hasValueSatisfying(
            p -> {
              assertThat(p.reason()).isEqualTo("ScaleDownNeedsSwitchover");
              assertThat(p.message()).contains("instance 3").contains("switchover");
              assertThat(p.blocking()).isFalse();
            });
  }

  @Test
  void scalingDownAboveThePrimaryIsAllowed() {
    assertThat(ReplicaPolicy.allowed(3, 5, 2)).isEqualTo(3);
    assertThat(ReplicaPolicy.allowed(1, 3, 0)).isEqualTo(1);
  }
}
