package dev.moco4j.clustering;

import java.util.OptionalInt;

/**
 * Something a pass or a background job tried that did not work.
 *
 * @param instance the instance it concerns, empty for the cluster as a whole
 * @param action what was being done, e.g. a step or "failover"
 * @param reason why it did not work
 */
public record Failure(OptionalInt instance, String action, String reason) {

  static Failure of(int instance, String action, String reason) {
    return new Failure(OptionalInt.of(instance), action, reason);
  }

  static Failure ofCluster(String action, String reason) {
    return new Failure(OptionalInt.empty(), action, reason);
  }

  /** The exception's message, or its type when it has none (a bare NullPointerException). */
  static String reason(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
  }

  @Override
  public String toString() {
    return action + ": " + reason;
  }
}
