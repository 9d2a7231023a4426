package dev.moco4j.mysql.seed.clone;

import java.util.Optional;

/**
 * Decides whether a CLONE INSTANCE gave the recipient a complete copy, from the recipient's {@code
 * performance_schema.clone_status} only. How the statement's connection ended proves nothing: a
 * successful clone restarts the recipient and drops it, and so does a crash or a network failure.
 */
public final class CloneVerdict {

  private CloneVerdict() {}

  /** Empty when the clone completed without error; otherwise why it is not a success. */
  public static Optional<String> failure(Optional<CloneStatus> status) {
    if (status.isEmpty()) {
      return Optional.of("the recipient has no clone status: the clone never started");
    }
    CloneStatus s = status.get();
    if (s.isCompleted()) {
      return Optional.empty();
    }
    if (!s.isFinished()) {
      return Optional.of("the clone is still " + s.state() + " (timed out waiting for it)");
    }
    return Optional.of(
        "the clone ended "
            + s.state()
            + " with error "
            + s.errorNumber()
            + ": "
            + s.errorMessage());
  }
}
