package dev.moco4j.clustering.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.Operation.Converge;
import dev.moco4j.clustering.model.Operation.Failover;
import dev.moco4j.clustering.model.Operation.Switchover;
import dev.moco4j.clustering.model.RandomObservations.Scenario;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.clustering.model.Step.ReplicateFromPrimary;
import dev.moco4j.clustering.model.Step.Seed;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * What the decision model promises for any observation, checked on {@link RandomObservations}. The
 * failover and errant rules are checked against generated histories in {@link
 * FailoverSafetyProperties}, {@link ErrantDetectionProperties} and {@link SeedingProperties}.
 */
class ClusterDeciderProperties {

  private static final int CASES = 2000;

  /** The property gets each scenario with the decision on its observation. */
  private static void forAll(BiConsumer<Scenario, Decision> property) {
    Seeds.check(
        CASES,
        RandomObservations::scenario,
        s -> property.accept(s, ClusterDecider.decide(s.observation())));
  }

  @Test
  void neverTwoWritableInstancesAfterThePlan() {
    forAll(
        (s, decision) -> {
          ClusterObservation o = s.observation();
          for (Step step : steps(decision)) {
            if (step instanceof MakeWritable) {
              assertThat(step.instance())
                  .as("only the recorded primary is made writable")
                  .isEqualTo(o.currentPrimaryIndex());
            }
          }
          boolean actsOnAPresentPrimary =
              o.primary().isUp()
                  && !o.shape().clusteringStopped()
                  && Set.of(ClusterState.HEALTHY, ClusterState.DEGRADED, ClusterState.INCOMPLETE)
                      .contains(decision.state());
          if (actsOnAPresentPrimary) {
            Set<Integer> writableAfter = new TreeSet<>();
            simulate(o, decision.operation())
                .forEach(
                    (index, writable) -> {
                      if (writable) {
                        writableAfter.add(index);
                      }
                    });
            assertThat(writableAfter)
                .as("writable instances after %s", decision.operation())
                .hasSizeLessThanOrEqualTo(1)
                .allMatch(i -> i == o.currentPrimaryIndex());
          }
        });
  }

  @Test
  void neverPromotesAnErrantInstance() {
    forAll(
        (s, decision) -> {
          ClusterObservation o = s.observation();
          switch (decision.operation()) {
            case Switchover switchover -> {
              int to = switchover.to();
              assertThat(switchover.from()).isEqualTo(o.currentPrimaryIndex());
              assertThat(to).isNotEqualTo(o.currentPrimaryIndex());
              assertThat(decision.errant()).doesNotContain(to);
              assertThat(s.trulyErrant()).doesNotContain(to);
              assertThat(decision.synced()).contains(to);
              // A replica recorded errant may be promoted only once it holds nothing of another
              // server that the primary lacks, i.e. after it was re-initialized (or repaired);
              // the primary's own stream may be ahead on it: commits in flight.
              if (o.knownErrant().contains(to)) {
                String primaryUuid = o.primary().requireFacts().serverUuid();
                assertThat(executed(o, to).subtract(executed(o, o.currentPrimaryIndex())).uuids())
                    .allMatch(primaryUuid::equalsIgnoreCase);
              }
            }
            case Failover failover -> {
              assertThat(failover.failedPrimary()).isEqualTo(o.currentPrimaryIndex());
              assertThat(failover.candidates())
                  .isNotEmpty()
                  .doesNotContain(o.currentPrimaryIndex())
                  .allMatch(i -> o.instances().get(i).isUp())
                  .noneMatch(i -> o.knownErrant().contains(i));
              choose(o, failover)
                  .ifPresent(
                      choice -> {
                        assertThat(failover.candidates()).contains(choice.candidate());
                        assertThat(o.knownErrant()).doesNotContain(choice.candidate());
                      });
            }
            default -> {}
          }
        });
  }

  @Test
  void lostNeverPromotesAndOnlyAFailedClusterFailsOver() {
    forAll(
        (s, decision) -> {
          ClusterObservation o = s.observation();
          if (decision.state() == ClusterState.LOST) {
            assertThat(decision.operation())
                .isNotInstanceOf(Switchover.class)
                .isNotInstanceOf(Failover.class);
          }
          if (decision.operation() instanceof Failover) {
            assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
            assertThat(o.shape().clusteringStopped()).isFalse();
          }
          if (decision.operation() instanceof Switchover) {
            assertThat(decision.state()).isIn(ClusterState.HEALTHY, ClusterState.DEGRADED);
            assertThat(o.shape().clusteringStopped()).isFalse();
          }
          if (o.shape().clusteringStopped()) {
            assertThat(decision.operation()).isInstanceOf(Operation.None.class);
          }
        });
  }

  @Test
  void makeWritableIsTheLastStepAndNeverForAnIntermediatePrimary() {
    forAll(
        (s, decision) -> {
          ClusterObservation o = s.observation();
          List<Step> steps = steps(decision);
          for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof MakeWritable) {
              assertThat(i).as("MakeWritable in %s", steps).isEqualTo(steps.size() - 1);
              assertThat(o.shape().intermediatePrimary())
                  .as("intermediate primary in %s", steps)
                  .isFalse();
            }
          }
        });
  }

  @Test
  void seedOnlyEverTargetsAnEmptyInstanceFromAValidDonor() {
    forAll(
        (s, decision) -> {
          ClusterObservation o = s.observation();
          for (Step step : steps(decision)) {
            if (step instanceof Seed seed) {
              assertThat(executed(o, seed.instance()).isEmpty()).as("%s", seed).isTrue();
              assertThat(seed.donor()).isNotEqualTo(seed.instance());
              if (seed.donorIsReplica()) {
                assertThat(decision.synced()).contains(seed.donor());
              } else {
                assertThat(seed.donor()).isEqualTo(o.currentPrimaryIndex());
              }
            }
          }
        });
  }

  @Test
  void errantInstancesAreNeverToldToReplicateNorSeeded() {
    forAll(
        (s, decision) -> {
          for (Step step : steps(decision)) {
            if (step instanceof ReplicateFromPrimary || step instanceof Seed) {
              assertThat(decision.errant()).as("%s", step).doesNotContain(step.instance());
              assertThat(s.trulyErrant()).as("%s", step).doesNotContain(step.instance());
            }
          }
        });
  }

  /** Not a promise of the product: keeps the generator honest about reaching every rule. */
  @Test
  void scenariosReachEveryStateAndOperation() {
    Map<String, Integer> reached = new TreeMap<>();
    // Fixed seeds: this counts what the generator reaches, it must not depend on luck.
    for (long seed = 0; seed < CASES; seed++) {
      Decision decision =
          ClusterDecider.decide(
              RandomObservations.scenario(new SplittableRandom(seed)).observation());
      reached.merge(decision.state().name(), 1, Integer::sum);
      reached.merge(decision.operation().getClass().getSimpleName(), 1, Integer::sum);
      if (steps(decision).stream().anyMatch(step -> step instanceof Seed)) {
        reached.merge("Seed", 1, Integer::sum);
      }
    }
    for (ClusterState state : ClusterState.values()) {
      assertThat(reached).as("%s", reached).containsKey(state.name());
    }
    assertThat(reached)
        .as("%s", reached)
        .containsKeys("None", "Converge", "Switchover", "Failover", "CloneFromExternal", "Seed");
  }

  // ---------------------------------------------------------------------------------------------

  static List<Step> steps(Decision decision) {
    return decision.operation() instanceof Converge converge ? converge.steps() : List.of();
  }

  private static GtidSet executed(ClusterObservation o, int index) {
    return o.instances().get(index).requireFacts().gtidExecuted();
  }

  /** What the engine's failover run chooses from: the candidates, read again. */
  static Optional<FailoverChoice> choose(ClusterObservation o, Failover failover) {
    List<InstanceObservation> candidates =
        o.replicas().stream().filter(r -> failover.candidates().contains(r.index())).toList();
    return FailoverChoice.choose(candidates, o.knownErrant());
  }

  /**
   * Which UP instances can take writes once the operation ran: a Converge's steps in order, a
   * Switchover's fencing of the old primary. No other operation changes read-only flags.
   */
  private static Map<Integer, Boolean> simulate(ClusterObservation o, Operation operation) {
    Map<Integer, Boolean> writable = new HashMap<>();
    for (InstanceObservation i : o.instances()) {
      if (i.isUp()) {
        writable.put(i.index(), !i.requireFacts().superReadOnly());
      }
    }
    switch (operation) {
      case Converge converge -> {
        for (Step step : converge.steps()) {
          if (step instanceof MakeSuperReadOnly) {
            writable.put(step.instance(), false);
          } else if (step instanceof MakeWritable) {
            writable.put(step.instance(), true);
          }
        }
      }
      case Switchover switchover -> writable.put(switchover.from(), false);
      default -> {}
    }
    return writable;
  }
}
