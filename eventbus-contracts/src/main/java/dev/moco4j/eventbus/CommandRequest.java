package dev.moco4j.eventbus;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A command sent request–reply to the service that handles it (see {@link
 * EventBusAddresses#commandsFor(Command)}); answered with a {@link CommandReply}.
 *
 * @param requestId chosen by the sender, echoed in the reply, so a retried request can be told
 *     apart from a new one
 * @param arguments command-specific options, such as {@link #TARGET_INSTANCE_INDEX}; empty when
 *     absent. Strings keep the schema stable as commands gain options.
 */
public record CommandRequest(
    int schemaVersion,
    String requestId,
    Command command,
    String namespace,
    String cluster,
    Map<String, String> arguments)
    implements EventBusMessage {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  /** SWITCHOVER argument: the pod ordinal of the instance to promote. */
  public static final String TARGET_INSTANCE_INDEX = "targetInstanceIndex";

  public CommandRequest {
    schemaVersion = Defaults.schemaVersion(schemaVersion);
    command = Defaults.orElse(command, Command.UNKNOWN);
    arguments = Defaults.map(arguments);
  }

  /** A request written with the current schema version. */
  public CommandRequest(
      String requestId,
      Command command,
      String namespace,
      String cluster,
      Map<String, String> arguments) {
    this(CURRENT_SCHEMA_VERSION, requestId, command, namespace, cluster, arguments);
  }

  /**
   * The {@link #TARGET_INSTANCE_INDEX} argument, empty when not given.
   *
   * @throws NumberFormatException when it is given but is not a number
   */
  public OptionalInt targetInstanceIndex() {
    String value = arguments.get(TARGET_INSTANCE_INDEX);
    return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.strip()));
  }
}
