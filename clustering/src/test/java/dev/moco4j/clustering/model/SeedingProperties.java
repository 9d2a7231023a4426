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
 * Seeding judged by the history ({@link History}): an instance keeps its server_id when wiped and
 * its receiver drops events carrying that server_id, so an empty instance must get a copy of the
 * primary's data rather than its binary logs, unless it has been replicating from the primary all
 * along (set up while the primary was still empty).
 */
class SeedingProperties {

  private static final int CASES = 3000;

  private static void forAll(BiConsumer<History, Decision> property) {
    History.forAll(CASES, property);
  }

  private static boolean empty(History h, Replica r) {
    return r.up() && !h.holdsData(r);
  }

  @Test
  void anEmptyInstanceNotReplicatingFromThePrimaryIsAlwaysSeeded() {
    forAll(
        (h, decision) -> {
          if (!h.primaryShowsData() || h.clusteringStopped) {
            return;
          }
          List<Step> steps = steps(decision);
          for (Replica r : h.replicas()) {
            if (empty(h, r) && !r.replicatingFromPrimary()) {
              assertThat(steps)
                  .as("replica %d", r.index())
                  .anyMatch(s -> s instanceof Seed seed && seed.instance() == r.index())
                  .noneMatch(s -> s instanceof ReplicateFromPrimary && s.instance() == r.index());
            }
          }
        });
  }

  @Test
  void anEmptyInstanceAlreadyReplicatingFromThePrimaryIsLeftToCatchUp() {
    forAll(
        (h, decision) -> {
          List<Step> steps = steps(decision);
          for (Replica r : h.replicas()) {
            if (empty(h, r) && r.replicatingFromPrimary()) {
              assertThat(steps)
                  .as("replica %d", r.index())
                  .noneMatch(s -> s instanceof Seed && s.instance() == r.index())
                  .noneMatch(s -> s instanceof ReplicateFromPrimary && s.instance() == r.index());
            }
          }
        });
  }

  @Test
  void anInstanceHoldingDataIsNeverSeeded() {
    forAll(
        (h, decision) -> {
          List<Step> steps = steps(decision);
          for (Replica r : h.replicas()) {
            if (r.up() && h.holdsData(r)) {
              assertThat(steps)
                  .as("replica %d", r.index())
                  .noneMatch(s -> s instanceof Seed && s.instance() == r.index());
            }
          }
        });
  }

  /** Not a promise of the product: keeps the generator honest about reaching every case. */
  @Test
  void historiesReachEverySeedingCase() {
    Map<String, Integer> reached =
        History.reached(
            CASES,
            (h, decision) -> {
              List<String> labels = new ArrayList<>();
              if (h.primaryShowsData() && !h.clusteringStopped) {
                for (Replica r : h.replicas()) {
                  if (empty(h, r)) {
                    labels.add(r.replicatingFromPrimary() ? "catching up" : r.fate().name());
                  }
                }
              }
              return labels;
            });
    assertThat(reached)
        .as("%s", reached)
        .containsKeys("catching up", "WIPED", "KEPT", "REPOINTED", "RESET");
  }
}
