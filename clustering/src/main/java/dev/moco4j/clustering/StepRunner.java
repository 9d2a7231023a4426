package dev.moco4j.clustering;

import dev.moco4j.clustering.model.Step;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.mysql.MySqlException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs converge steps in order. A failed step on a replica is reported and the rest go on, so one
 * broken replica cannot keep the primary read-only; but if an instance other than the primary could
 * not be made read-only, the primary is not made writable, so two instances can never both take
 * writes.
 */
final class StepRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final ClusterDefinition cluster;
  private final StepApplier applier;

  StepRunner(ClusterDefinition cluster, StepApplier applier) {
    this.cluster = cluster;
    this.applier = applier;
  }

  /** Runs the steps; returns the failures (empty when every step succeeded). */
  List<Failure> run(int primary, List<Step> steps) {
    List<Failure> failures = new ArrayList<>();
    boolean fenced = true;
    for (Step step : steps) {
      if (step instanceof MakeWritable && !fenced) {
        failures.add(
            Failure.of(
                primary, step.toString(), "left read-only: another instance may be writable"));
        continue;
      }
      try {
        LOG.info("{}: {}", cluster, step);
        applier.apply(step).ifPresent(failures::add);
      } catch (RuntimeException e) {
        // Whatever a step throws (a MySQL error, a seeder's refusal, a bug) is that instance's
        // failure only: were it to end the pass, one broken replica would keep the primary's
        // steps, which come last, from ever running.
        if (e instanceof MySqlException) {
          LOG.warn("{}: {} failed: {}", cluster, step, e.getMessage());
        } else {
          LOG.warn("{}: {} failed", cluster, step, e);
        }
        failures.add(Failure.of(step.instance(), step.toString(), Failure.reason(e)));
        if (step instanceof MakeSuperReadOnly && step.instance() != primary) {
          fenced = false;
        }
        if (step.instance() == primary) {
          // The primary's own steps build on each other; the next pass starts over.
          break;
        }
      }
    }
    return failures;
  }
}
