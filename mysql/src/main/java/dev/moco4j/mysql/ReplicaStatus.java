package dev.moco4j.mysql;

import dev.moco4j.mysql.gtid.GtidSet;
import java.util.OptionalLong;

/** What {@code SHOW REPLICA STATUS} says about the default replication channel. */
public record ReplicaStatus(
    String sourceHost,
    int sourcePort,
    String sourceUser,
    String sourceUuid,
    IoThreadState ioThread,
    boolean sqlThreadRunning,
    GtidSet retrievedGtidSet,
    GtidSet executedGtidSet,
    boolean autoPosition,
    int lastIoErrno,
    String lastIoError,
    int lastSqlErrno,
    String lastSqlError,
    OptionalLong secondsBehindSource) {

  /** The receiver (I/O) thread's state, as in {@code Replica_IO_Running}. */
  public enum IoThreadState {
    RUNNING,
    CONNECTING,
    STOPPED;

    static IoThreadState parse(String value) {
      return switch (value == null ? "" : value) {
        case "Yes" -> RUNNING;
        case "Connecting" -> CONNECTING;
        default -> STOPPED;
      };
    }
  }

  /** Both threads run: the replica receives and applies its source's transactions. */
  public boolean isReplicating() {
    return ioThread == IoThreadState.RUNNING && sqlThreadRunning;
  }
}
