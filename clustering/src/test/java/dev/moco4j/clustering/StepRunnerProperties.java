package dev.moco4j.clustering;

import static dev.moco4j.clustering.model.Seeds.chance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.moco4j.clustering.model.Seeds;
import dev.moco4j.clustering.model.Step;
import dev.moco4j.clustering.model.Step.ConfigureSemiSync;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.clustering.model.Step.ReplicateFromPrimary;
import dev.moco4j.clustering.model.Step.ResetReplication;
import dev.moco4j.clustering.model.Step.Seed;
import dev.moco4j.clustering.model.Step.StopReplication;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.semisync.Role;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Any step may throw anything: the run never ends the pass, reports each failure once against its
 * instance, keeps going for the other replicas, and makes the primary writable only if every other
 * instance that had to be fenced was. The expected outcome is worked out step by step from the
 * plan, independently of the runner's loop.
 */
class StepRunnerProperties {

  private static final int CASES = 3000;

  /** A converge plan as the decision model shapes it, with the steps that will throw. */
  record Plan(int primary, List<Step> steps, Map<Step, RuntimeException> throwing) {}

  @Test
  void noStepsFailureEndsThePassAndThePrimaryIsWritableOnlyIfEveryOtherInstanceWasFenced() {
    Seeds.check(
        CASES,
        StepRunnerProperties::plan,
        plan -> {
          List<Step> applied = new ArrayList<>();
          StepRunner runner = runner(plan, applied);

          List<Failure> failures = new ArrayList<>();
          assertThatCode(() -> failures.addAll(runner.run(plan.primary(), plan.steps())))
              .doesNotThrowAnyException();

          Expected expected = expected(plan);
          assertThat(applied).isEqualTo(expected.applied());
          assertThat(failures.stream().map(f -> f.instance().getAsInt()).toList())
              .isEqualTo(expected.failedInstances());
        });
  }

  private record Expected(List<Step> applied, List<Integer> failedInstances) {}

  /** The rules, step by step: fencing first, the primary's own steps build on each other. */
  private static Expected expected(Plan plan) {
    List<Step> applied = new ArrayList<>();
    List<Integer> failed = new ArrayList<>();
    boolean someoneUnfenced = false;
    for (Step step : plan.steps()) {
      if (step instanceof MakeWritable) {
        if (someoneUnfenced) {
          failed.add(step.instance());
          continue;
        }
      }
      if (plan.throwing().containsKey(step)) {
        failed.add(step.instance());
        if (step instanceof MakeSuperReadOnly && step.instance() != plan.primary()) {
          someoneUnfenced = true;
        }
        if (step.instance() == plan.primary()) {
          break;
        }
        continue;
      }
      applied.add(step);
    }
    return new Expected(applied, failed);
  }

  private static StepRunner runner(Plan plan, List<Step> applied) {
    List<MySqlEndpoint> endpoints =
        IntStream.range(0, 5).mapToObj(i -> new MySqlEndpoint("db-" + i, 3306)).toList();
    return new StepRunner(
        ClusterDefinition.of("test", "cluster", endpoints),
        step -> {
          RuntimeException failure = plan.throwing().get(step);
          if (failure != null) {
            throw failure;
          }
          applied.add(step);
          return Optional.empty();
        });
  }

  private static Plan plan(RandomGenerator random) {
    int primary = random.nextInt(5);
    List<Step> steps = new ArrayList<>();
    if (chance(random, 0.3)) {
      steps.add(new ResetReplication(primary));
    }
    for (int r = 0; r < 5; r++) {
      if (r == primary) {
        continue;
      }
      if (chance(random, 0.5)) {
        steps.add(new MakeSuperReadOnly(r));
      }
      Step work =
          Seeds.oneOf(
              random,
              new ReplicateFromPrimary(r, primary),
              new Seed(r, primary, false),
              new StopReplication(r),
              new ConfigureSemiSync(r, Role.REPLICA));
      if (chance(random, 0.8)) {
        steps.add(work);
      }
    }
    if (chance(random, 0.5)) {
      steps.add(new ConfigureSemiSync(primary, Role.PRIMARY));
    }
    if (chance(random, 0.8)) {
      steps.add(new MakeWritable(primary));
    }
    Map<Step, RuntimeException> throwing = new java.util.HashMap<>();
    List<Function<Step, RuntimeException>> kinds =
        List.of(
            s ->
                new MySqlException(
                    new MySqlEndpoint("db-" + s.instance(), 3306),
                    "applying " + s,
                    new SQLException("lock wait timeout", "HY000", 1205)),
            s -> new IllegalStateException("recipient is not empty"),
            s -> new IllegalArgumentException("bad plan"),
            s -> new NullPointerException());
    for (Step step : Set.copyOf(steps)) {
      if (chance(random, 0.25)) {
        throwing.put(step, Seeds.oneOf(random, kinds).apply(step));
      }
    }
    return new Plan(primary, List.copyOf(steps), Map.copyOf(throwing));
  }
}
