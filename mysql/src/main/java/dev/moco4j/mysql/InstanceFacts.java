package dev.moco4j.mysql;

import dev.moco4j.mysql.gtid.GtidSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the clustering logic needs to know about one mysqld, read in one pass.
 *
 * @param semiSync present when both semi-sync plugins are loaded
 * @param sessions the process list's counts; empty when they were not read (test data)
 */
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
    Set<String> activePlugins,
    Optional<SemiSyncSettings> semiSync,
    Optional<Sessions> sessions) {

  /** Facts without process-list counts. */
  public InstanceFacts(
      String serverUuid,
      long serverId,
      String version,
      GtidSet gtidExecuted,
      GtidSet gtidPurged,
      boolean readOnly,
      boolean superReadOnly,
      Optional<ReplicaStatus> replicaStatus,
      List<ReplicaHost> replicas,
      Set<String> activePlugins,
      Optional<SemiSyncSettings> semiSync) {
    this(
        serverUuid,
        serverId,
        version,
        gtidExecuted,
        gtidPurged,
        readOnly,
        superReadOnly,
        replicaStatus,
        replicas,
        activePlugins,
        semiSync,
        Optional.empty());
  }

  /** Facts of an instance without semi-sync settings (the plugins are not loaded). */
  public InstanceFacts(
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
    this(
        serverUuid,
        serverId,
        version,
        gtidExecuted,
        gtidPurged,
        readOnly,
        superReadOnly,
        replicaStatus,
        replicas,
        activePlugins,
        Optional.empty());
  }

  public boolean hasPlugin(String name) {
    return activePlugins.contains(name);
  }
}
