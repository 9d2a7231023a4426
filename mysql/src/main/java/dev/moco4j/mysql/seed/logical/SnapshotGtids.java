package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.gtid.GtidSet;
import java.util.Optional;

/**
 * Decides, without any lock on commits, whether a consistent-snapshot transaction sees exactly the
 * donor's {@code gtid_executed}. Pure: the three values are read around the snapshot's start.
 *
 * <p>A commit becomes visible to new snapshots in InnoDB slightly before its GTID is added to
 * {@code gtid_executed}; until then the GTID is in {@code gtid_owned}. So {@code gtid_executed}
 * read before the snapshot, then {@code gtid_owned} and {@code gtid_executed} read (in that order)
 * after it, prove the snapshot's content when: the two {@code gtid_executed} are equal (nothing
 * committed in between) and nothing was owned after it (no commit was half-way, visible but not yet
 * recorded). Otherwise the caller retries.
 */
final class SnapshotGtids {

  private SnapshotGtids() {}

  /** The snapshot's GTID set, or empty when it cannot be told and the snapshot must be retaken. */
  static Optional<GtidSet> of(GtidSet executedBefore, String ownedAfter, GtidSet executedAfter) {
    // The global gtid_owned also names each owner thread ("uuid:n#thread"): only emptiness counts.
    if (executedBefore.equals(executedAfter) && (ownedAfter == null || ownedAfter.isBlank())) {
      return Optional.of(executedBefore);
    }
    return Optional.empty();
  }
}
