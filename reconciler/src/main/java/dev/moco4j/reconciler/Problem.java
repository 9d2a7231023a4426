package dev.moco4j.reconciler;

/**
 * Something a user can fix, found during a reconcile: it becomes the reason and message of the
 * ReconcileSuccess condition and a Warning Event.
 *
 * @param reason a CamelCase reason, as Kubernetes conditions and Events use
 * @param message what is wrong and what to do about it
 * @param blocking whether the remaining steps were skipped because of it
 */
public record Problem(String reason, String message, boolean blocking) {

  public static Problem blocking(String reason, String message) {
    return new Problem(reason, message, true);
  }

  public static Problem warning(String reason, String message) {
    return new Problem(reason, message, false);
  }
}
