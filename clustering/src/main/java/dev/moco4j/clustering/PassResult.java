package dev.moco4j.clustering;

import dev.moco4j.clustering.model.Decision;
import java.util.List;

/**
 * What one pass decided and how running its operation went.
 *
 * @param failures what did not work, empty when everything did
 * @param primaryChanged a switchover or failover moved the primary in this pass
 */
public record PassResult(Decision decision, List<Failure> failures, boolean primaryChanged) {

  public PassResult {
    failures = List.copyOf(failures);
  }
}
