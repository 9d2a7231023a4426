package dev.moco4j.api.v1beta1;

import java.time.Duration;
import java.util.regex.Matcher;

/** Parses the durations written in specs: whole days, hours, minutes and seconds, e.g. 1h30m. */
final class Durations {

  /** The schema's pattern: units in decreasing order, each at most once, at least one. */
  static final String PATTERN = "^([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$";

  /**
   * Matches a string that matches {@link #PATTERN} exactly when it is not zero: some digit is not
   * 0. A whole number of seconds is the finest unit, so a non-zero duration is at least 1s.
   */
  static final String NOT_ZERO = "[1-9]";

  private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

  private Durations() {}

  static Duration parse(String text) {
    Matcher m = COMPILED.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException(
          "not a duration like 30s, 5m, 1h30m or 7d: \"" + text + "\"");
    }
    return Duration.ofDays(group(m, 1))
        .plusHours(group(m, 2))
        .plusMinutes(group(m, 3))
        .plusSeconds(group(m, 4));
  }

  // A group is digits followed by its unit letter, or absent.
  private static long group(Matcher m, int index) {
    String g = m.group(index);
    return g == null ? 0 : Long.parseLong(g.substring(0, g.length() - 1));
  }
}
