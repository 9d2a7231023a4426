package dev.moco4j.eventbus;

/**
 * The answer to a {@link CommandRequest}.
 *
 * @param requestId the request's id
 * @param message for a person to read; null when there is nothing to add
 */
public record CommandReply(
    int schemaVersion, String requestId, CommandOutcome outcome, String message)
    implements EventBusMessage {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  public CommandReply {
    schemaVersion = Defaults.schemaVersion(schemaVersion);
    outcome = Defaults.orElse(outcome, CommandOutcome.UNKNOWN);
  }

  /** A reply written with the current schema version. */
  public CommandReply(String requestId, CommandOutcome outcome, String message) {
    this(CURRENT_SCHEMA_VERSION, requestId, outcome, message);
  }
}
