package dev.moco4j.reconciler.rollout;

/** The one thing a rolling update does next. */
public sealed interface RolloutAction {

  /** Every instance runs the current pod template. */
  record Done() implements RolloutAction {}

  /** Nothing may happen yet; {@code reason} says what the update waits for. */
  record Wait(String reason) implements RolloutAction {}

  /** Delete this outdated pod; the StatefulSet re-creates it from the current template. */
  record DeletePod(String pod) implements RolloutAction {}

  /** Ask the health-monitor to switch the primary away from this outdated pod. */
  record RequestSwitchover(String pod) implements RolloutAction {}
}
