package dev.moco4j.clustering;

import dev.moco4j.mysql.GtidWait;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.ReplicationControl;
import dev.moco4j.mysql.gtid.GtidSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Waits for a failover candidate to apply what it received, and gives up early when its applier
 * makes no progress: a stuck applier (a client session holding a row lock the relay log needs, an
 * applier error) would otherwise keep the cluster without a writable primary for the whole apply
 * timeout, while a later pass may find it free again.
 */
final class ApplyWait {

  /** How often progress is checked; WAIT_FOR_EXECUTED_GTID_SET returns at once when done. */
  private static final Duration SLICE = Duration.ofSeconds(1);

  private final MySqlConnector candidate;
  private final InstantSource clock;
  private final Duration timeout;
  private final Duration stall;

  ApplyWait(MySqlConnector candidate, InstantSource clock, Duration timeout, Duration stall) {
    this.candidate = candidate;
    this.clock = clock;
    this.timeout = timeout;
    this.stall = stall;
  }

  /**
   * Blocks until the candidate executed {@code target}.
   *
   * @return empty when it did, otherwise why the wait was given up
   */
  Optional<String> await(GtidSet target) {
    Instant start = clock.instant();
    Instant lastProgress = start;
    InstanceFacts facts = new InstanceFactsQuery(candidate).read();
    long executed = facts.gtidExecuted().count();
    while (true) {
      Optional<String> stopped = ensureApplying(facts);
      if (stopped.isPresent()) {
        return stopped;
      }
      if (new GtidWait(candidate).awaitExecuted(target, SLICE)) {
        return Optional.empty();
      }
      facts = new InstanceFactsQuery(candidate).read();
      Instant now = clock.instant();
      if (facts.gtidExecuted().count() != executed) {
        executed = facts.gtidExecuted().count();
        lastProgress = now;
      }
      if (!now.isBefore(lastProgress.plus(stall))) {
        return Optional.of("applied nothing for " + stall + lastError(facts));
      }
      if (!now.isBefore(start.plus(timeout))) {
        return Optional.of("did not apply all it received within " + timeout + lastError(facts));
      }
    }
  }

  /**
   * Starts the applier if it was stopped cleanly (STOP REPLICA, or a seeding donor's pause): it
   * would never catch up otherwise. One stopped by an error is left as it is: that transaction
   * fails again, and the error is the user's to look at.
   */
  private Optional<String> ensureApplying(InstanceFacts facts) {
    Optional<ReplicaStatus> status = facts.replicaStatus();
    if (status.isEmpty() || status.get().sqlThreadRunning()) {
      return Optional.empty();
    }
    if (status.get().lastSqlErrno() != 0) {
      return Optional.of("its applier stopped" + lastError(facts));
    }
    new ReplicationControl(candidate).startSqlThread();
    return Optional.empty();
  }

  private static String lastError(InstanceFacts facts) {
    return facts
        .replicaStatus()
        .filter(s -> s.lastSqlErrno() != 0)
        .map(s -> "; last applier error " + s.lastSqlErrno() + ": " + s.lastSqlError())
        .orElse("");
  }
}
