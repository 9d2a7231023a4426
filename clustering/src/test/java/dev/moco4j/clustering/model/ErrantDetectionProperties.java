package dev.moco4j.clustering.model;

import static dev.moco4j.clustering.model.ClusterDeciderProperties.steps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.History.Replica;
import dev.moco4j.clustering.model.Step.ReplicateFromPrimary;
import dev.moco4j.clustering.model.Step.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Errant detection judged by where each transaction was written ({@link History}), not by GTID set
 * arithmetic: a replica is errant exactly when it holds a transaction that was not written on (or,
 * for an intermediate primary, received by) the primary.
 */
class ErrantDetectionProperties {

  private static final int CASES = 3000;

  private static void forAll(BiConsumer<History, Decision> property) {
    History.forAll(CASES, property);
  }

  @Test
  void aReplicaHoldingOnlyWhatThePrimaryWroteIsNeverErrant() {
    forAll(
        (h, decision) -> {
          for (Replica r : h.replicas()) {
            if (r.up() && !r.errant() && !r.recordedErrant()) {
              assertThat(decision.errant()).as("replica %d", r.index()).doesNotContain(r.index());
            }
          }
        });
  }

  @Test
  void aReplicaHoldingATransactionWrittenElsewhereIsAlwaysErrantAndLeftAlone() {
    forAll(
        (h, decision) -> {
          for (Replica r : h.replicas()) {
            if (!r.errant()) {
              continue;
            }
            if (r.up() && h.primaryShowsData()) {
              assertThat(decision.errant()).as("replica %d", r.index()).contains(r.index());
            }
            for (Step step : steps(decision)) {
              if (step instanceof ReplicateFromPrimary || step instanceof Seed) {
                assertThat(step.instance()).as("%s", step).isNotEqualTo(r.index());
              }
            }
          }
        });
  }

  /** Not a promise of the product: keeps the generator honest about reaching every case. */
  @Test
  void historiesReachEveryErrantCase() {
    Map<String, Integer> reached =
        History.reached(
            CASES,
            (h, decision) -> {
              List<String> labels = new ArrayList<>();
              if (!h.primaryShowsData()) {
                return labels;
              }
              for (Replica r : h.replicas()) {
                if (r.up() && r.errant()) {
                  labels.add(r.foreign().name());
                }
                boolean ahead = r.executed() > h.primaryShows;
                if (r.up() && !r.errant() && ahead && h.primaryWritable) {
                  labels.add("in flight");
                }
              }
              if (h.intermediate) {
                labels.add("intermediate");
              }
              return labels;
            });
    assertThat(reached)
        .as("%s", reached)
        .containsKeys(
            "OWN_WRITE",
            "OTHER_SERVER",
            "FORMER_LEFTOVER",
            "BEYOND_SOURCE",
            "in flight",
            "intermediate");
  }
}
