package dev.moco4j.mysql.seed.clone;

/**
 * How a CLONE INSTANCE statement ended on the recipient. Neither value proves success nor failure:
 * once the recipient accepts connections again, {@link CloneOperation#awaitFinished} reads {@code
 * performance_schema.clone_status}, and {@link CloneVerdict} decides from it alone.
 */
public enum CloneOutcome {
  /**
   * The connection dropped: after cloning, the recipient shuts down to restart on the new data
   * (exit code 16 for its supervisor; in Kubernetes the container restarts). A network failure
   * mid-clone looks the same, hence the status check.
   */
  RESTARTING,
  /**
   * The data was cloned but the server could not restart itself (error 3707, "mysqld is not managed
   * by supervisor process"): the caller must restart it, e.g. by deleting the pod.
   */
  RESTART_REQUIRED
}
