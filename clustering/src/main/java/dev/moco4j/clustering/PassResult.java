package dev.moco4j.clustering;

import dev.moco4j.clustering.model.ClusterObservation;
import dev.moco4j.clustering.model.Decision;
import dev.moco4j.clustering.model.Operation;
import java.util.List;
import java.util.Optional;

/**
 * What one pass decided and how running its operation went.
 *
 * @param failures what did not work, empty when everything did
 * @param primaryChanged a switchover or failover moved the primary in this pass
 * @param observation what the pass saw of each instance (the last pass's, when a primary change
 *     made the engine run two)
 * @param primaryMove the switchover or failover that moved the primary; empty when it did not move
 */
public record PassResult(
    Decision decision,
    List<Failure> failures,
    boolean primaryChanged,
    ClusterObservation observation,
    Optional<Operation> primaryMove) {

  public PassResult {
    failures = List.copyOf(failures);
    if (primaryChanged != primaryMove.isPresent()) {
      throw new IllegalArgumentException("a moved primary comes with the operation that moved it");
    }
  }
}
