package dev.moco4j.clustering;

import java.util.Set;

/**
 * The part of the cluster's status the engine depends on.
 *
 * @param currentPrimaryIndex the primary: the single source of truth for who may take writes
 * @param errant instances recorded as errant, excluded until re-initialized
 * @param cloned whether an intermediate primary finished its initial copy
 * @param version the store's version of this record, compared on every swap
 */
public record StoredStatus(
    int currentPrimaryIndex, Set<Integer> errant, boolean cloned, String version) {

  public StoredStatus {
    errant = Set.copyOf(errant);
  }
}
