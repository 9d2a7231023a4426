package dev.moco4j.clustering.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns per-pass connection results into {@link Reachability}: an instance is DOWN only after it
 * has been unreachable for {@code downAfter}, so one lost packet never triggers a failover.
 */
public final class ReachabilityTracker {

  private final Duration downAfter;
  private final Map<Integer, Instant> unreachableSince = new HashMap<>();

  public ReachabilityTracker(Duration downAfter) {
    this.downAfter = downAfter;
  }

  public synchronized Reachability record(int index, boolean reachable, Instant now) {
    if (reachable) {
      unreachableSince.remove(index);
      return Reachability.UP;
    }
    Instant since = unreachableSince.computeIfAbsent(index, i -> now);
    return Duration.between(since, now).compareTo(downAfter) >= 0
        ? Reachability.DOWN
        : Reachability.SUSPECT;
  }
}
