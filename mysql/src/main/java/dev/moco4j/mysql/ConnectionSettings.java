package dev.moco4j.mysql;

import java.time.Duration;

/**
 * How the operator connects to mysqld. Both timeouts are always set: without a read timeout a hung
 * server (a frozen process, a half-open TCP connection) would block the caller forever, and failure
 * detection depends on every call returning within a bound.
 */
public record ConnectionSettings(
    Credentials credentials, Duration connectTimeout, Duration readTimeout) {

  public ConnectionSettings {
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("readTimeout", readTimeout);
  }

  public static ConnectionSettings of(Credentials credentials) {
    return new ConnectionSettings(credentials, Duration.ofSeconds(3), Duration.ofSeconds(30));
  }

  public ConnectionSettings withTimeouts(Duration connect, Duration read) {
    return new ConnectionSettings(credentials, connect, read);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
  }
}
