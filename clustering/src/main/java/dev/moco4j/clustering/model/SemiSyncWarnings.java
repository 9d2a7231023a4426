package dev.moco4j.clustering.model;

import dev.moco4j.mysql.Sessions;
import java.util.ArrayList;
import java.util.List;

/**
 * Says, for the cluster's status, when semi-synchronous replication is not what it should be: when
 * it is unavailable, a failover may lose transactions the primary acknowledged, and users must know
 * rather than assume it is loss-free; when an instance that must not wait for acknowledgements
 * does, it appears hung.
 */
public final class SemiSyncWarnings {

  private SemiSyncWarnings() {}

  public static List<String> of(ClusterObservation o) {
    List<String> warnings = new ArrayList<>();
    unavailable(o, warnings);
    waitingWhereNoneShould(o, warnings);
    return List.copyOf(warnings);
  }

  private static void unavailable(ClusterObservation o, List<String> warnings) {
    if (o.shape().instances() == 1) {
      return;
    }
    List<Integer> without =
        o.instances().stream()
            .filter(InstanceObservation::isUp)
            .filter(i -> i.requireFacts().semiSync().isEmpty())
            .map(InstanceObservation::index)
            .toList();
    if (!without.isEmpty()) {
      warnings.add(
          "semi-synchronous replication is unavailable on instances "
              + without
              + " (plugins rpl_semi_sync_source and rpl_semi_sync_replica not loaded): replication"
              + " is asynchronous and a failover may lose acknowledged transactions");
    }
  }

  /**
   * Sessions waiting for a semi-sync ACK on a replica (or on an intermediate primary) mean it acts
   * as a semi-sync source while it should not: its commits, its applier's included, hang until an
   * acknowledgement that may never come.
   */
  private static void waitingWhereNoneShould(ClusterObservation o, List<String> warnings) {
    for (InstanceObservation instance : o.instances()) {
      boolean mayWait =
          instance.index() == o.currentPrimaryIndex() && !o.shape().intermediatePrimary();
      if (mayWait || !instance.isUp()) {
        continue;
      }
      int waiting = instance.requireFacts().sessions().map(Sessions::semiSyncAckWaits).orElse(0);
      if (waiting > 0) {
        warnings.add(
            "instance "
                + instance.index()
                + " appears hung: "
                + waiting
                + " sessions wait for a semi-sync acknowledgement although it is not the"
                + " primary");
      }
    }
  }
}
