package dev.moco4j.clustering.model;

import dev.moco4j.mysql.gtid.GtidSet;
import java.util.List;

/** The one thing a pass does after deciding. */
public sealed interface Operation {

  /** Nothing to do, and why. */
  record None(String reason) implements Operation {}

  /** Bring every instance in line with the recorded primary, step by step, in order. */
  record Converge(int primary, List<Step> steps) implements Operation {
    public Converge {
      steps = List.copyOf(steps);
    }
  }

  /** Planned move of the primary role from a healthy primary to a synced replica. */
  record Switchover(int from, int to, String reason) implements Operation {}

  /**
   * Move the primary role away from a failed primary. The candidate is chosen only after the
   * replicas' I/O threads are stopped, when their retrieved GTID sets can no longer grow.
   */
  record Failover(int failedPrimary, List<Integer> candidates) implements Operation {
    public Failover {
      candidates = List.copyOf(candidates);
    }
  }

  /**
   * Empty an errant replica so that it is seeded again (only when the user opted in). The errant
   * transactions are reported before anything is dropped.
   */
  record ReinitializeErrant(int instance, GtidSet errantTransactions) implements Operation {}

  /** Copy the initial data of an intermediate primary from the external source. */
  record CloneFromExternal(int primary) implements Operation {}
}
