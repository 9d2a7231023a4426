package dev.moco4j.bench;

import dev.moco4j.testing.mysqld.ContinuousWriter.Attempt;
import java.time.Duration;
import java.util.List;

/** Measures a write outage from a writer's attempts around a change of primary. */
final class Outage {

  private Outage() {}

  /**
   * The time from the last acknowledged write on {@code oldPrimary} to the first acknowledged write
   * on {@code newPrimary}: how long the application could not write.
   */
  static Duration between(List<Attempt> attempts, int oldPrimary, int newPrimary) {
    long firstOnNew =
        attempts.stream()
            .filter(a -> a.acknowledged() && a.instance() == newPrimary)
            .mapToLong(Attempt::endNanos)
            .min()
            .orElseThrow(() -> new IllegalStateException("no write reached the new primary"));
    long lastOnOld =
        attempts.stream()
            .filter(a -> a.acknowledged() && a.instance() == oldPrimary)
            .filter(a -> a.endNanos() < firstOnNew)
            .mapToLong(Attempt::endNanos)
            .max()
            .orElseThrow(() -> new IllegalStateException("no write reached the old primary"));
    return Duration.ofNanos(firstOnNew - lastOnOld);
  }
}
