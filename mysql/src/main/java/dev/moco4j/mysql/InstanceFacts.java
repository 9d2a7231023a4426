package dev.moco4j.mysql;

import dev.moco4j.mysql.gtid.GtidSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the clustering logic needs to know about one mysqld, read in one pass. */
public record InstanceFacts(
    String serverUuid,
    long serverId,
    String version,
    GtidSet gtidExecuted,
    GtidSet gtidPurged,
    boolean readOnly,
    boolean superReadOnly,
    Optional<ReplicaStatus> replicaStatus,
    List<ReplicaHost> replicas,
    Set<String> activePlugins) {

  public boolean hasPlugin(String name) {
    return activePlugins.contains(name);
  }
}
