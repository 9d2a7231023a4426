package dev.moco4j.eventbus;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a service answered a {@link CommandRequest}. */
public enum CommandOutcome {
  /** Taken on; it completes later (its effect shows in the cluster's status). */
  ACCEPTED,
  /** Already carried out. */
  DONE,
  /** Refused without any effect, e.g. an unknown cluster or a switchover while Failed. */
  REJECTED,
  /** Tried and failed; the message says why. */
  FAILED,
  /** An outcome added by a newer writer, or none given. */
  @JsonEnumDefaultValue
  UNKNOWN
}
