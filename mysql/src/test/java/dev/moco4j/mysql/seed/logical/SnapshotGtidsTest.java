package dev.moco4j.mysql.seed.logical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.mysql.gtid.GtidSet;
import org.junit.jupiter.api.Test;

class SnapshotGtidsTest {

  private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

  @Test
  void nothingCommittedOrCommittingAroundTheSnapshotGivesItsGtidSet() {
    GtidSet set = GtidSet.of(UUID, 1, 10);

    assertThat(SnapshotGtids.of(set, "", set)).hasValue(set);
  }

  @Test
  void aCommitBetweenTheReadsLeavesTheSnapshotUnknown() {
    assertThat(SnapshotGtids.of(GtidSet.of(UUID, 1, 10), "", GtidSet.of(UUID, 1, 11))).isEmpty();
  }

  @Test
  void aCommitHalfWayThroughLeavesTheSnapshotUnknownEvenWithEqualSets() {
    GtidSet set = GtidSet.of(UUID, 1, 10);

    assertThat(SnapshotGtids.of(set, UUID + ":11#42", set)).isEmpty();
  }
}
