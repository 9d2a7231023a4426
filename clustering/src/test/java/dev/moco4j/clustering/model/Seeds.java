package dev.moco4j.clustering.model;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Runs a check on randomly generated cases, one seed per case, and names the seed of a failing case
 * so that {@code -Dmoco4j.seed=<seed>} replays exactly that case. {@code -Dmoco4j.cases=<n>} runs
 * more (or fewer) cases per check than its default.
 */
public final class Seeds {

  static final String PROPERTY = "moco4j.seed";

  private Seeds() {}

  public static <T> void check(
      int cases, Function<RandomGenerator, T> generate, Consumer<T> property) {
    for (long seed : seeds(cases)) {
      T example = null;
      try {
        example = generate.apply(new SplittableRandom(seed));
        property.accept(example);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "seed "
                + seed
                + " (replay with -D"
                + PROPERTY
                + "="
                + seed
                + "): "
                + e.getMessage()
                + "\ncase: "
                + example,
            e);
      }
    }
  }

  /** One of {@code values}; a value listed twice is drawn twice as often. */
  @SafeVarargs
  public static <T> T oneOf(RandomGenerator random, T... values) {
    return values[random.nextInt(values.length)];
  }

  public static <T> T oneOf(RandomGenerator random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** True with probability {@code p}. */
  public static boolean chance(RandomGenerator random, double p) {
    return random.nextDouble() < p;
  }

  /** The seed to replay alone, or {@code cases} fresh ones. */
  private static long[] seeds(int cases) {
    String fixed = System.getProperty(PROPERTY, "");
    if (!fixed.isBlank()) {
      return new long[] {Long.parseLong(fixed.strip())};
    }
    return new SplittableRandom().longs(Integer.getInteger("moco4j.cases", cases)).toArray();
  }
}
