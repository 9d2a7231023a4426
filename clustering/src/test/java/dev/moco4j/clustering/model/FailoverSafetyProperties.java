package dev.moco4j.clustering.model;

import static dev.moco4j.clustering.model.ClusterDeciderProperties.choose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.History.Foreign;
import dev.moco4j.clustering.model.History.PrimaryFate;
import dev.moco4j.clustering.model.History.Replica;
import dev.moco4j.clustering.model.Operation.Failover;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Failover judged by the history it happens in ({@link History}): the oracle knows which
 * transactions were acknowledged and which replicas were wiped, re-pointed or written to, the
 * decider sees only the observation. Semi-sync itself cannot run here (no plugins in the test
 * mysqld), so its guarantee is modelled: each committed transaction reached (instances - 1) / 2
 * replicas.
 */
class FailoverSafetyProperties {

  private static final int CASES = 3000;

  private static void forAll(BiConsumer<History, Decision> property) {
    History.forAll(CASES, property);
  }

  private static long vouching(History h) {
    return h.replicas().stream().filter(h::canVouch).filter(r -> !r.recordedErrant()).count();
  }

  @Test
  void aFailoverNeverLosesAnAcknowledgedTransactionNorPromotesARecordedErrantReplica() {
    forAll(
        (h, decision) -> {
          if (decision.operation() instanceof Failover failover) {
            choose(h.observation, failover)
                .ifPresent(
                    choice -> {
                      assertThat(h.committedMissingFrom(choice.received()))
                          .as("acknowledged transactions lost by promoting %s", choice)
                          .isEmpty();
                      assertThat(h.replica(choice.candidate()).recordedErrant())
                          .as("promotes recorded errant %s", choice.candidate())
                          .isFalse();
                    });
          }
        });
  }

  @Test
  void onlyReplicasThatCouldHaveAcknowledgedCountTowardAFailover() {
    forAll(
        (h, decision) -> {
          if (decision.state() == ClusterState.FAILED) {
            assertThat(2 * vouching(h))
                .as("replicas that could vouch, of %d", h.size - 1)
                .isGreaterThan(h.size - 1);
          }
          if (decision.operation() instanceof Failover failover) {
            // Take away every replica that was wiped, re-pointed, reset or is empty: the vote
            // must not have depended on them.
            Decision again = ClusterDecider.decide(withOnlyVouching(h));
            assertThat(again.operation()).isInstanceOf(Failover.class);
            assertThat(failover.candidates())
                .allMatch(i -> h.canVouch(h.replica(i)), "only replicas that can vouch");
          }
        });
  }

  @Test
  void aDeadPrimaryIsFailedOverWhenMoreThanHalfOfTheReplicasCanVouch() {
    forAll(
        (h, decision) -> {
          if (h.primaryFate == PrimaryFate.DOWN
              && !h.clusteringStopped
              && 2 * vouching(h) > h.size - 1) {
            assertThat(decision.operation()).isInstanceOf(Failover.class);
          }
        });
  }

  @Test
  void lostNeverPromotes() {
    forAll(
        (h, decision) -> {
          if (decision.state() == ClusterState.LOST) {
            assertThat(decision.operation()).isInstanceOf(Operation.None.class);
          }
        });
  }

  @Test
  void replicasThatWroteNothingOfTheirOwnAlwaysGiveAFailoverACandidate() {
    forAll(
        (h, decision) -> {
          if (decision.operation() instanceof Failover failover
              && failover.candidates().stream().noneMatch(i -> h.replica(i).errant())) {
            assertThat(choose(h.observation, failover)).isPresent();
          }
        });
  }

  @Test
  void aPrimaryThatIsUpWithAllItsDataIsNeverFailedOver() {
    forAll(
        (h, decision) -> {
          // A deliberate trade-off, not an oversight: a primary that shows no transaction while a
          // replica holds another server's looks exactly like a wiped primary. Making it writable
          // could silently drop that data, so moco4j fails over (or, with diverged replicas,
          // waits) rather than risk it.
          boolean looksWiped =
              h.primaryShows == 0
                  && h.former == 0
                  && h.replicas().stream()
                      .anyMatch(
                          r ->
                              r.foreign() != Foreign.NONE
                                  && r.foreign() != Foreign.OWN_WRITE
                                  && !r.recordedErrant());
          if (h.primaryFate == PrimaryFate.UP && !looksWiped) {
            assertThat(decision.operation()).isNotInstanceOf(Failover.class);
          }
        });
  }

  /** The same observation with every replica that cannot vouch (by the history) down. */
  private static ClusterObservation withOnlyVouching(History h) {
    ClusterObservation o = h.observation;
    List<InstanceObservation> instances = new ArrayList<>();
    for (InstanceObservation i : o.instances()) {
      boolean away = i.index() != o.currentPrimaryIndex() && !h.canVouch(h.replica(i.index()));
      instances.add(
          away
              ? InstanceObservation.unreachable(i.index(), i.endpoint(), Reachability.DOWN)
                  .withPod(i.pod())
              : i);
    }
    return new ClusterObservation(
        o.shape(),
        o.currentPrimaryIndex(),
        o.knownErrant(),
        instances,
        o.externalSource(),
        o.switchoverRequest());
  }

  /** Not a promise of the product: keeps the generator honest about reaching every case. */
  @Test
  void historiesReachEveryFailoverCase() {
    Map<String, Integer> reached =
        History.reached(
            CASES,
            (h, decision) -> {
              List<String> labels = new ArrayList<>();
              labels.add(decision.state().name());
              if (decision.operation() instanceof Failover failover) {
                Optional<FailoverChoice> choice = choose(h.observation, failover);
                labels.add(choice.isPresent() ? "promoted" : "no candidate");
                labels.add("failover from " + h.primaryFate);
              }
              if (onlyNonVouchingHoldTheCommits(h)) {
                labels.add("commits only on replicas that cannot vouch");
              }
              return labels;
            });
    assertThat(reached)
        .as("%s", reached)
        .containsKeys(
            "FAILED",
            "LOST",
            "promoted",
            "no candidate",
            "failover from DOWN",
            "failover from LOST_TAIL",
            "failover from WIPED",
            "commits only on replicas that cannot vouch");
  }

  /**
   * The trap of counting every replica that is up: more than half of them are up and not errant,
   * yet the last acknowledged transaction survives only on replicas that cannot vouch (or on none).
   */
  private static boolean onlyNonVouchingHoldTheCommits(History h) {
    if (h.primaryFate != PrimaryFate.DOWN || h.committed == 0) {
      return false;
    }
    long up = h.replicas().stream().filter(Replica::up).filter(r -> !r.recordedErrant()).count();
    boolean vouchingHoldLast =
        h.replicas().stream().filter(h::canVouch).anyMatch(r -> r.received() >= h.committed);
    return 2 * up > h.size - 1 && !vouchingHoldLast;
  }
}
