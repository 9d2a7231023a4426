package dev.moco4j.clustering;

import dev.moco4j.mysql.Credentials;
import java.time.Duration;
import java.util.Set;

/**
 * How the engine connects and how long it waits.
 *
 * @param admin the operator's account on every instance
 * @param replication the account replicas use to connect to their source
 * @param connectTimeout bound on opening a connection: a dead process is detected this fast
 * @param readTimeout bound on any one statement's answer: a hung process is detected this fast
 * @param downAfter how long an instance must stay unreachable before it is declared down
 * @param switchoverTimeout how long a switchover waits for the new primary to catch up
 * @param failoverApplyTimeout how long a failover waits for the candidate to apply what it has
 * @param failoverApplyStall how long a failover waits while the candidate applies nothing at all
 *     before it gives up and tries again on a later pass
 * @param seedRetryAfter how long after a failed seeding the next attempt may start
 * @param operatorUsers accounts whose connections a switchover leaves open
 */
public record EngineSettings(
    Credentials admin,
    Credentials replication,
    Duration connectTimeout,
    Duration readTimeout,
    Duration downAfter,
    Duration switchoverTimeout,
    Duration failoverApplyTimeout,
    Duration failoverApplyStall,
    Duration seedRetryAfter,
    Set<String> operatorUsers) {

  public static EngineSettings defaults(Credentials admin, Credentials replication) {
    return new EngineSettings(
        admin,
        replication,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofMinutes(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Set.of(admin.user(), replication.user()));
  }

  public EngineSettings withDetection(Duration connect, Duration read, Duration down) {
    return new EngineSettings(
        admin,
        replication,
        connect,
        read,
        down,
        switchoverTimeout,
        failoverApplyTimeout,
        failoverApplyStall,
        seedRetryAfter,
        operatorUsers);
  }

  public EngineSettings withFailoverApplyStall(Duration stall) {
    return new EngineSettings(
        admin,
        replication,
        connectTimeout,
        readTimeout,
        downAfter,
        switchoverTimeout,
        failoverApplyTimeout,
        stall,
        seedRetryAfter,
        operatorUsers);
  }

  public EngineSettings withSeedRetryAfter(Duration retryAfter) {
    return new EngineSettings(
        admin,
        replication,
        connectTimeout,
        readTimeout,
        downAfter,
        switchoverTimeout,
        failoverApplyTimeout,
        failoverApplyStall,
        retryAfter,
        operatorUsers);
  }
}
