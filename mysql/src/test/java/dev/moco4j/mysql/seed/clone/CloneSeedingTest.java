package dev.moco4j.mysql.seed.clone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloneSeedingTest {

  private static final InstanceFacts WITH_CLONE = facts(Set.of("InnoDB", "binlog", "clone"));
  private static final InstanceFacts WITHOUT_CLONE = facts(Set.of("InnoDB", "binlog"));

  @Test
  void cloneIsAvailableWhenBothSidesHaveThePlugin() {
    assertThat(CloneSeeding.isAvailable(WITH_CLONE, WITH_CLONE)).isTrue();
    assertThat(CloneSeeding.unavailableReason(WITH_CLONE, WITH_CLONE)).isEmpty();
  }

  @Test
  void cloneIsUnavailableWhenEitherSideLacksThePluginAndTheReasonSaysWhich() {
    assertThat(CloneSeeding.isAvailable(WITHOUT_CLONE, WITH_CLONE)).isFalse();
    assertThat(CloneSeeding.unavailableReason(WITHOUT_CLONE, WITH_CLONE))
        .contains("clone plugin is not loaded on the donor");
    assertThat(CloneSeeding.unavailableReason(WITH_CLONE, WITHOUT_CLONE))
        .contains("clone plugin is not loaded on the recipient");
    assertThat(CloneSeeding.unavailableReason(WITHOUT_CLONE, WITHOUT_CLONE))
        .contains("clone plugin is not loaded on the donor and the recipient");
  }

  private static InstanceFacts facts(Set<String> plugins) {
    return new InstanceFacts(
        "3e11fa47-71ca-11e1-9e33-c80aa9429562",
        1,
        "8.0.31",
        GtidSet.EMPTY,
        GtidSet.EMPTY,
        true,
        true,
        Optional.empty(),
        List.of(),
        plugins);
  }
}
