package dev.moco4j.clustering;

import java.util.List;

/** How an operation went: whether the primary moved, and what did not work. */
record RunOutcome(boolean primaryChanged, List<Failure> failures) {

  static final RunOutcome NOTHING = new RunOutcome(false, List.of());

  RunOutcome {
    failures = List.copyOf(failures);
  }

  static RunOutcome moved() {
    return new RunOutcome(true, List.of());
  }

  static RunOutcome failed(Failure failure) {
    return new RunOutcome(false, List.of(failure));
  }

  /** Reports the reason as a warning Event too: users see why the primary did not move. */
  static RunOutcome gaveUp(EventSink events, String eventReason, String action, String why) {
    events.warning(eventReason, why);
    return failed(Failure.ofCluster(action, why));
  }
}
