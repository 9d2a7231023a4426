package dev.moco4j.clustering;

import dev.moco4j.clustering.model.Step;
import java.util.Optional;

/** Applies one converge step to its instance. */
interface StepApplier {

  /**
   * Applies the step; throws when it failed.
   *
   * @return why the step was put off to a later pass (a seeding job waiting out its back-off), or
   *     empty when it was applied or started
   */
  Optional<Failure> apply(Step step);
}
