package dev.moco4j.clustering;

import dev.moco4j.clustering.model.ClusterState;
import java.util.List;
import java.util.SortedSet;

/**
 * What a pass found, for the cluster's status.
 *
 * @param warnings conditions a user must know about, e.g. semi-sync plugins missing
 */
public record ClusterReport(
    ClusterState state,
    int currentPrimaryIndex,
    SortedSet<Integer> errant,
    SortedSet<Integer> synced,
    String message,
    List<String> warnings) {}
