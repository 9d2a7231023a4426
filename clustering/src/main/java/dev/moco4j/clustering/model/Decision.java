package dev.moco4j.clustering.model;

import java.util.SortedSet;

/**
 * The outcome of deciding on one observation.
 *
 * @param errant instances whose executed GTIDs are not all on the primary
 * @param synced replicas that are replicating from the primary, read-only and not too far behind
 * @param message a human-readable reason for the state, for status conditions and events
 */
public record Decision(
    ClusterState state,
    SortedSet<Integer> errant,
    SortedSet<Integer> synced,
    Operation operation,
    String message) {}
