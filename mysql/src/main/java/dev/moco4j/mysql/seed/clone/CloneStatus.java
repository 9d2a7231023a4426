package dev.moco4j.mysql.seed.clone;

import dev.moco4j.mysql.gtid.GtidSet;

/**
 * The current or last clone operation of an instance, from {@code performance_schema.clone_status}
 * (one row at most). The table survives the recipient's restart, so after a clone it tells whether
 * the data that came up is the complete copy.
 *
 * @param source the donor as {@code host:port}
 * @param errorNumber the error of a failed clone, 0 otherwise
 * @param gtidExecuted the donor's GTID set the copy contains (empty until completed)
 */
public record CloneStatus(
    CloneState state,
    String source,
    int errorNumber,
    String errorMessage,
    String binlogFile,
    long binlogPosition,
    GtidSet gtidExecuted) {

  /** Builds the status from the table's column values as the server returns them. */
  public static CloneStatus of(
      String state,
      String source,
      int errorNumber,
      String errorMessage,
      String binlogFile,
      long binlogPosition,
      String gtidExecuted) {
    return new CloneStatus(
        CloneState.parse(state),
        source,
        errorNumber,
        errorMessage == null ? "" : errorMessage,
        binlogFile == null ? "" : binlogFile,
        binlogPosition,
        GtidSet.parse(gtidExecuted == null ? "" : gtidExecuted));
  }

  /** A complete copy: the server says Completed and reports no error. */
  public boolean isCompleted() {
    return state == CloneState.COMPLETED && errorNumber == 0;
  }

  /** The clone ended one way or the other; before that, its outcome is unknown. */
  public boolean isFinished() {
    return state == CloneState.COMPLETED || state == CloneState.FAILED;
  }

  public boolean isFailed() {
    return state == CloneState.FAILED;
  }
}
