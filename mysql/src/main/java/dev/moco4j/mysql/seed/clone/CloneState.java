package dev.moco4j.mysql.seed.clone;

/** The {@code STATE} column of {@code performance_schema.clone_status}. */
public enum CloneState {
  NOT_STARTED,
  IN_PROGRESS,
  COMPLETED,
  FAILED;

  /** Parses the server's spelling ("Not Started", "In Progress", "Completed", "Failed"). */
  public static CloneState parse(String value) {
    return switch (value) {
      case "Not Started" -> NOT_STARTED;
      case "In Progress" -> IN_PROGRESS;
      case "Completed" -> COMPLETED;
      case "Failed" -> FAILED;
      default -> throw new IllegalArgumentException("unknown clone state: " + value);
    };
  }
}
