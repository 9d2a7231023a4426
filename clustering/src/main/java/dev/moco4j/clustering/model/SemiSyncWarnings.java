package dev.moco4j.clustering.model;

import java.util.List;

/**
 * Says, for the cluster's status, when replication cannot be semi-synchronous: then a failover may
 * lose transactions the primary acknowledged, and users must know rather than assume it is
 * loss-free.
 */
public final class SemiSyncWarnings {

  private SemiSyncWarnings() {}

  public static List<String> of(ClusterObservation o) {
    if (o.shape().instances() == 1) {
      return List.of();
    }
    List<Integer> without =
        o.instances().stream()
            .filter(InstanceObservation::isUp)
            .filter(i -> i.requireFacts().semiSync().isEmpty())
            .map(InstanceObservation::index)
            .toList();
    if (without.isEmpty()) {
      return List.of();
    }
    return List.of(
        "semi-synchronous replication is unavailable on instances "
            + without
            + " (plugins rpl_semi_sync_source and rpl_semi_sync_replica not loaded): replication"
            + " is asynchronous and a failover may lose acknowledged transactions");
  }
}
