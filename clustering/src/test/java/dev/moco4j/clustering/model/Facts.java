package dev.moco4j.clustering.model;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.ReplicaStatus.IoThreadState;
import dev.moco4j.mysql.SemiSyncSettings;
import dev.moco4j.mysql.Sessions;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Test data for one mysqld's facts: start from a typical instance ({@link #primary}, {@link
 * #replicaOf}, {@link #empty}) and change only what the test is about.
 */
final class Facts {

  /** The stream of transactions written on the cluster's primary. */
  static final String P = "aaaaaaaa-0000-0000-0000-000000000001";

  /** Servers that wrote transactions the primary never saw. */
  static final String X = "eeeeeeee-0000-0000-0000-000000000001";

  static final String Y = "eeeeeeee-0000-0000-0000-000000000002";

  /** Where an intermediate primary replicates from. */
  static final MySqlEndpoint EXTERNAL = new MySqlEndpoint("external-source", 3306);

  static final String EXTERNAL_UUID = "cccccccc-0000-0000-0000-000000000001";

  private GtidSet executed = GtidSet.EMPTY;
  private GtidSet purged = GtidSet.EMPTY;
  private boolean readOnly = true;
  private boolean superReadOnly = true;
  private Optional<MySqlEndpoint> source = Optional.empty();
  private String sourceUuid = P;
  private IoThreadState ioThread = IoThreadState.RUNNING;
  private boolean sqlThreadRunning = true;
  private GtidSet retrieved = GtidSet.EMPTY;
  private OptionalLong secondsBehind = OptionalLong.of(0);
  private Optional<String> serverUuid = Optional.empty();
  private int lastIoErrno = 0;
  private String lastIoError = "";

  private Facts() {}

  private Optional<SemiSyncSettings> semiSync = Optional.empty();
  private Optional<Sessions> sessions = Optional.empty();

  static MySqlEndpoint endpoint(int index) {
    return new MySqlEndpoint("db-" + index, 3306);
  }

  /** {@code P:1-n}: the first {@code n} transactions of the primary's stream; empty for 0. */
  static GtidSet p(long n) {
    return gtids(P, n);
  }

  /** {@code uuid:1-n}; empty for 0. */
  static GtidSet gtids(String uuid, long n) {
    return n == 0 ? GtidSet.EMPTY : GtidSet.of(uuid, 1, n);
  }

  /** A writable primary that replicates from nowhere; its own stream is {@link #P}. */
  static Facts primary(GtidSet executed) {
    Facts f = new Facts();
    f.serverUuid = Optional.of(P);
    f.executed = executed;
    f.readOnly = false;
    f.superReadOnly = false;
    return f;
  }

  /** A super-read-only replica, both threads running against {@code primary}, not behind. */
  static Facts replicaOf(int primary, GtidSet executed) {
    return replicaOf(endpoint(primary), executed);
  }

  static Facts replicaOf(MySqlEndpoint source, GtidSet executed) {
    Facts f = new Facts();
    f.executed = executed;
    f.retrieved = executed;
    f.source = Optional.of(source);
    if (source.equals(EXTERNAL)) {
      f.sourceUuid = EXTERNAL_UUID;
    }
    return f;
  }

  /** A freshly initialized instance: no transactions, super read-only, no replication. */
  static Facts empty() {
    return new Facts();
  }

  Facts writable() {
    readOnly = false;
    superReadOnly = false;
    return this;
  }

  /** {@code read_only=1} but not {@code super_read_only}: privileged users can still write. */
  Facts onlyReadOnly() {
    readOnly = true;
    superReadOnly = false;
    return this;
  }

  Facts superReadOnly() {
    readOnly = true;
    superReadOnly = true;
    return this;
  }

  Facts purged(GtidSet set) {
    purged = set;
    return this;
  }

  Facts retrieved(GtidSet set) {
    retrieved = set;
    return this;
  }

  /** The source's server UUID as the replica last saw it. */
  Facts sourceUuid(String uuid) {
    sourceUuid = uuid;
    return this;
  }

  Facts serverUuid(String uuid) {
    serverUuid = Optional.of(uuid);
    return this;
  }

  Facts sqlThread(boolean running) {
    sqlThreadRunning = running;
    return this;
  }

  Facts noDelayKnown() {
    secondsBehind = OptionalLong.empty();
    return this;
  }

  Facts ioThread(IoThreadState state) {
    ioThread = state;
    return this;
  }

  Facts replicationStopped() {
    ioThread = IoThreadState.STOPPED;
    sqlThreadRunning = false;
    return this;
  }

  Facts secondsBehind(long seconds) {
    secondsBehind = OptionalLong.of(seconds);
    return this;
  }

  /** Both semi-sync plugins loaded, with these settings in force. */
  Facts semiSync(SemiSyncSettings settings) {
    semiSync = Optional.of(settings);
    return this;
  }

  /** The process list's counts; without this call they are unknown, as if not read. */
  Facts sessions(int replicaConnections, int semiSyncAckWaits) {
    sessions = Optional.of(new Sessions(replicaConnections, semiSyncAckWaits));
    return this;
  }

  Facts ioError(int errno, String message) {
    lastIoErrno = errno;
    lastIoError = message;
    return this;
  }

  InstanceFacts build(int serverId) {
    Optional<ReplicaStatus> status =
        source.map(
            s ->
                new ReplicaStatus(
                    s.host(),
                    s.port(),
                    "moco4j-repl",
                    sourceUuid,
                    ioThread,
                    sqlThreadRunning,
                    retrieved,
                    executed,
                    true,
                    lastIoErrno,
                    lastIoError,
                    0,
                    "",
                    ioThread == IoThreadState.RUNNING && sqlThreadRunning
                        ? secondsBehind
                        : OptionalLong.empty()));
    return new InstanceFacts(
        serverUuid.orElse(String.format("bbbbbbbb-0000-0000-0000-%012d", serverId)),
        serverId,
        "8.0.31",
        executed,
        purged,
        readOnly,
        superReadOnly,
        status,
        List.of(),
        semiSync.isPresent() ? Set.of("rpl_semi_sync_source", "rpl_semi_sync_replica") : Set.of(),
        semiSync,
        sessions);
  }
}
