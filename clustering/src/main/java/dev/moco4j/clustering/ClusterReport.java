package dev.moco4j.clustering;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * What a pass found, for the cluster's status.
 *
 * @param warnings conditions a user must know about, e.g. semi-sync plugins missing
 * @param errantTransactions per reachable errant instance, the transactions the primary lacks
 */
public record ClusterReport(
    ClusterState state,
    int currentPrimaryIndex,
    SortedSet<Integer> errant,
    SortedSet<Integer> synced,
    String message,
    List<String> warnings,
    SortedMap<Integer, GtidSet> errantTransactions) {

  public ClusterReport {
    errantTransactions = Collections.unmodifiableSortedMap(new TreeMap<>(errantTransactions));
  }
}
