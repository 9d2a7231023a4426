package dev.moco4j.clustering.model;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.gtid.GtidSet;

/**
 * How a replica's transactions compare with its primary's, told apart by where they come from.
 *
 * <p>Reads of a primary and its replicas are never one moment: with semi-sync's AFTER_SYNC wait a
 * replica can even apply a transaction before the primary's commit stage adds it to {@code
 * gtid_executed}. A replica that holds transactions of the primary's own stream that the primary
 * does not show yet is therefore not errant. Transactions from any other server the primary lacks
 * cannot be in flight from it: those are errant writes.
 */
final class Divergence {

  private Divergence() {}

  /**
   * What the replica executed that the primary has not (yet) got. An intermediate primary's stream
   * comes from the external source: what it retrieved but has not applied yet is already its own.
   */
  static GtidSet missingFromPrimary(
      InstanceFacts replica, InstanceFacts primary, boolean intermediatePrimary) {
    GtidSet primaryHas =
        intermediatePrimary ? Replication.received(primary) : primary.gtidExecuted();
    return replica.gtidExecuted().subtract(primaryHas);
  }

  /** The replica executed transactions that cannot be on their way from the primary. */
  static boolean isErrant(
      InstanceFacts replica, InstanceFacts primary, boolean intermediatePrimary) {
    GtidSet missing = missingFromPrimary(replica, primary, intermediatePrimary);
    if (intermediatePrimary) {
      return !missing.isEmpty();
    }
    return missing.uuids().stream().anyMatch(uuid -> !sameServer(uuid, primary));
  }

  /**
   * The replica holds transactions of the primary's own stream that the primary no longer has: the
   * primary lost the tail of its data (a crash without {@code sync_binlog=1}, a restored volume).
   * Only a read-only primary can tell this apart from a commit in flight: setting {@code
   * super_read_only} waits for commits under way, and a restarted primary starts read-only.
   */
  static boolean primaryLostItsTail(InstanceFacts replica, InstanceFacts primary) {
    if (!primary.readOnly() && !primary.superReadOnly()) {
      return false;
    }
    return missingFromPrimary(replica, primary, false).uuids().stream()
        .anyMatch(uuid -> sameServer(uuid, primary));
  }

  /**
   * The replica holds transactions the primary lacks that neither it nor the primary originated:
   * what a wiped primary (which also gets a new server_uuid) would have lost. The primary's own
   * stream may be in flight, and the replica's own writes are errant, not lost data.
   */
  static boolean holdsAnotherServersTransactions(
      InstanceFacts replica, InstanceFacts primary, boolean intermediatePrimary) {
    return missingFromPrimary(replica, primary, intermediatePrimary).uuids().stream()
        .anyMatch(uuid -> !sameServer(uuid, replica) && !sameServer(uuid, primary));
  }

  private static boolean sameServer(String uuid, InstanceFacts facts) {
    return uuid.equalsIgnoreCase(facts.serverUuid());
  }
}
