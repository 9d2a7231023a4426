package dev.moco4j.service;

/** A service setting is missing or invalid; the message names the variable and the fix. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variable;

  public ConfigException(String variable, String message) {
    super(message);
    this.variable = variable;
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }
}
