package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.Step;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.clustering.model.Step.ReplicateFromPrimary;
import dev.moco4j.clustering.model.Step.ResetReplication;
import dev.moco4j.clustering.model.Step.Seed;
import dev.moco4j.mysql.MySqlEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The order and fencing rules of running converge steps, with an applier that fails on demand. */
class StepRunnerTest {

  private final List<Step> applied = new ArrayList<>();
  private final Map<Step, Supplier<RuntimeException>> throwing = new HashMap<>();
  private final Map<Step, Failure> putOff = new HashMap<>();

  private final StepRunner runner =
      new StepRunner(
          ClusterDefinition.of(
              "test",
              "cluster",
              List.of(
                  new MySqlEndpoint("a", 3306),
                  new MySqlEndpoint("b", 3306),
                  new MySqlEndpoint("c", 3306))),
          step -> {
            if (throwing.containsKey(step)) {
              throw throwing.get(step).get();
            }
            applied.add(step);
            return Optional.ofNullable(putOff.get(step));
          });

  @Test
  void anyExceptionOfAReplicaStepIsReportedAndThePrimaryIsStillMadeWritable() {
    Seed seed = new Seed(2, 1, true);
    throwing.put(seed, () -> new IllegalStateException("recipient is not empty"));

    List<Failure> failures =
        runner.run(
            0,
            List.of(
                new MakeSuperReadOnly(2),
                seed,
                new ReplicateFromPrimary(1, 0),
                new MakeWritable(0)));

    assertThat(applied)
        .containsExactly(
            new MakeSuperReadOnly(2), new ReplicateFromPrimary(1, 0), new MakeWritable(0));
    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.instance()).isEqualTo(OptionalInt.of(2));
              assertThat(f.reason()).isEqualTo("recipient is not empty");
            });
  }

  @Test
  void thePrimaryStaysReadOnlyWhenAnotherInstanceCouldNotBeMadeReadOnly() {
    throwing.put(new MakeSuperReadOnly(1), () -> new IllegalArgumentException("bad setting"));

    List<Failure> failures =
        runner.run(
            0,
            List.of(new MakeSuperReadOnly(1), new ReplicateFromPrimary(2, 0), new MakeWritable(0)));

    assertThat(applied).containsExactly(new ReplicateFromPrimary(2, 0));
    assertThat(failures)
        .extracting(Failure::instance)
        .containsExactly(OptionalInt.of(1), OptionalInt.of(0));
    assertThat(failures.get(1).reason()).contains("another instance may be writable");
  }

  @Test
  void aFailedStepOfThePrimaryEndsThePassForThePrimaryAndNamesTheExceptionWithoutMessage() {
    throwing.put(new ResetReplication(0), NullPointerException::new);

    List<Failure> failures = runner.run(0, List.of(new ResetReplication(0), new MakeWritable(0)));

    assertThat(applied).isEmpty();
    assertThat(failures)
        .singleElement()
        .extracting(Failure::reason)
        .isEqualTo(NullPointerException.class.getName());
  }

  @Test
  void aSeedPutOffToALaterPassIsReportedAndTheRestGoesOn() {
    Seed seed = new Seed(2, 1, true);
    Failure backOff = Failure.of(2, "seeding from instance 1", "retrying later");
    putOff.put(seed, backOff);

    List<Failure> failures = runner.run(0, List.of(seed, new MakeWritable(0)));

    assertThat(applied).containsExactly(seed, new MakeWritable(0));
    assertThat(failures).containsExactly(backOff);
  }
}
