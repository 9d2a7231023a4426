package dev.moco4j.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads service settings from environment variables. A blank value counts as unset, because a Helm
 * chart renders an unset value as {@code value: ""}. Every error is a {@link ConfigException}
 * naming the variable and what to set it to.
 */
public final class EnvConfig {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final String DURATION_HINT = "a duration such as 500ms, 30s, 5m, 1h or PT1M30S";

  private final Map<String, String> env;

  private EnvConfig(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static EnvConfig of(Map<String, String> env) {
    return new EnvConfig(env);
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /**
   * @param hint what to set the variable to, completing "set it to ..."
   */
  public String required(String name, String hint) {
    return optional(name)
        .orElseThrow(() -> new ConfigException(name, name + " is not set: set it to " + hint));
  }

  /**
   * @param parser turns the value into a setting, throwing IllegalArgumentException if invalid
   */
  public <T> T required(String name, Function<String, T> parser, String hint) {
    return parse(name, required(name, hint), parser, hint);
  }

  public <T> T optional(String name, Function<String, T> parser, T defaultValue, String hint) {
    return optional(name).map(value -> parse(name, value, parser, hint)).orElse(defaultValue);
  }

  /** A positive duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601. */
  public Duration duration(String name, Duration defaultValue) {
    return optional(name, EnvConfig::parseDuration, defaultValue, DURATION_HINT);
  }

  public int positiveInt(String name, int defaultValue) {
    return optional(name, EnvConfig::parsePositiveInt, defaultValue, "a whole number above 0");
  }

  /** A TCP port, 1 to 65535. */
  public int port(String name, int defaultValue) {
    return optional(name, EnvConfig::parsePort, defaultValue, "a TCP port number, 1 to 65535");
  }

  private static <T> T parse(String name, String value, Function<String, T> parser, String hint) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          name, name + " has the invalid value '" + value + "': set it to " + hint);
    }
  }

  static Duration parseDuration(String value) {
    Duration duration;
    Matcher matcher = SHORT_DURATION.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration =
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
    } else {
      try {
        duration = Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(e);
      }
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("not positive: " + value);
    }
    return duration;
  }

  static int parsePort(String value) {
    int port = parsePositiveInt(value);
    if (port > 65535) {
      throw new IllegalArgumentException("not a port: " + value);
    }
    return port;
  }

  private static int parsePositiveInt(String value) {
    int number = Integer.parseInt(value); // NumberFormatException is an IllegalArgumentException
    if (number < 1) {
      throw new IllegalArgumentException("not positive: " + value);
    }
    return number;
  }
}
