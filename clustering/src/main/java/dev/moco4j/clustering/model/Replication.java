package dev.moco4j.clustering.model;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.gtid.GtidSet;
import java.time.Duration;

/** Facts about an instance's replication, derived from its observed status. */
final class Replication {

  private Replication() {}

  /** Both threads run against {@code source}. */
  static boolean isReplicatingFrom(InstanceFacts facts, MySqlEndpoint source) {
    return facts
        .replicaStatus()
        .filter(status -> pointsAt(status, source))
        .filter(ReplicaStatus::isReplicating)
        .isPresent();
  }

  /**
   * Replication from {@code source} is set up and under way: the I/O thread runs or is still
   * connecting, the SQL thread runs. Such a replica must be left alone; restarting it would only
   * start the connection over, and a replica restarted on every pass might never connect.
   */
  static boolean isSetUpFrom(InstanceFacts facts, MySqlEndpoint source) {
    return facts
        .replicaStatus()
        .filter(status -> pointsAt(status, source))
        .filter(s -> s.ioThread() != ReplicaStatus.IoThreadState.STOPPED && s.sqlThreadRunning())
        .isPresent();
  }

  static boolean pointsAt(ReplicaStatus status, MySqlEndpoint source) {
    return source.host().equalsIgnoreCase(status.sourceHost())
        && source.port() == status.sourcePort();
  }

  /** Any replication thread still runs (so the instance may still take in transactions). */
  static boolean anyThreadRunning(InstanceFacts facts) {
    return facts
        .replicaStatus()
        .filter(s -> s.ioThread() != ReplicaStatus.IoThreadState.STOPPED || s.sqlThreadRunning())
        .isPresent();
  }

  /** A zero {@code maxDelay} turns the check off. */
  static boolean withinDelay(InstanceFacts facts, Duration maxDelay) {
    if (maxDelay.isZero()) {
      return true;
    }
    return facts
        .replicaStatus()
        .map(
            s ->
                s.secondsBehindSource().isPresent()
                    && s.secondsBehindSource().getAsLong() <= maxDelay.toSeconds())
        .orElse(false);
  }

  /** Everything the instance has: executed, plus retrieved but not yet applied. */
  static GtidSet received(InstanceFacts facts) {
    return facts
        .replicaStatus()
        .map(s -> facts.gtidExecuted().union(s.retrievedGtidSet()))
        .orElse(facts.gtidExecuted());
  }
}
