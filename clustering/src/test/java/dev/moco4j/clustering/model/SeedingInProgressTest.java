package dev.moco4j.clustering.model;

import static dev.moco4j.clustering.model.Facts.p;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.Operation.Converge;
import dev.moco4j.clustering.model.Operation.Switchover;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the decision does with an instance whose seeding job is still running. */
class SeedingInProgressTest {

  /** Primary 0 with purged logs, replica 1 synced, replica 2 empty and being seeded from 1. */
  private static Clusters seedingTwo(Facts seeded) {
    return Clusters.of(3)
        .up(0, Facts.primary(p(10)).purged(p(4)))
        .up(1, Facts.replicaOf(0, p(10)))
        .up(2, seeded)
        .seeding(2, 1);
  }

  @Test
  void anInstanceBeingSeededGetsNoStepsNeitherASecondSeedNorReplication() {
    Decision decision = seedingTwo(Facts.empty()).decide();

    assertThat(decision.operation()).isInstanceOf(Operation.None.class);
  }

  @Test
  void anInstanceBeingSeededThatBecameWritableIsStillFenced() {
    Decision decision = seedingTwo(Facts.empty().writable()).decide();

    assertThat(((Converge) decision.operation()).steps())
        .containsExactly(new Step.MakeSuperReadOnly(2));
  }

  @Test
  void aLogicalCopyLiftingSuperReadOnlyWhileReadOnlyStaysOnIsLeftAlone() {
    Decision decision = seedingTwo(Facts.empty().onlyReadOnly()).decide();

    assertThat(decision.operation()).isInstanceOf(Operation.None.class);
  }

  @Test
  void withoutTheJobAnEmptyReadOnlyInstanceWouldBeFencedAndSeeded() {
    Decision decision =
        Clusters.of(3)
            .up(0, Facts.primary(p(10)).purged(p(4)))
            .up(1, Facts.replicaOf(0, p(10)))
            .up(2, Facts.empty().onlyReadOnly())
            .decide();

    List<Step> steps = ((Converge) decision.operation()).steps();
    assertThat(steps).contains(new MakeSuperReadOnly(2), new Step.Seed(2, 1, true));
  }

  @Test
  void anInstanceBeingSeededIsNotSyncedAndTheStatusSaysFromWhere() {
    Decision decision = seedingTwo(Facts.replicaOf(0, p(10))).decide();

    assertThat(decision.synced()).containsExactly(1);
    assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
    assertThat(decision.message()).contains("instance 2 is being seeded from 1");
  }

  @Test
  void aSwitchoverIsNotHeldBackByALogicalCopyInProgress() {
    Decision decision = seedingTwo(Facts.empty().onlyReadOnly()).switchoverRequested(1).decide();

    assertThat(decision.operation()).isEqualTo(new Switchover(0, 1, "switchover requested"));
  }

  @Test
  void anInstanceBeingSeededIsNeverAFailoverCandidate() {
    Decision decision =
        Clusters.of(5)
            .down(0)
            .up(1, Facts.replicaOf(0, p(10)))
            .up(2, Facts.replicaOf(0, p(10)))
            .up(3, Facts.replicaOf(0, p(10)))
            .up(4, Facts.replicaOf(0, p(10)))
            .seeding(4, 1)
            .decide();

    assertThat(decision.operation()).isEqualTo(new Operation.Failover(0, List.of(1, 2, 3)));
  }

  @Test
  void anInstanceBeingSeededDoesNotCountTowardsTheFailoverMajority() {
    Decision decision =
        Clusters.of(3)
            .down(0)
            .up(1, Facts.replicaOf(0, p(10)))
            .up(2, Facts.replicaOf(0, p(10)))
            .seeding(2, 1)
            .decide();

    assertThat(decision.state()).isEqualTo(ClusterState.LOST);
    assertThat(decision.operation()).isInstanceOf(Operation.None.class);
  }
}
