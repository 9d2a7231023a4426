package dev.moco4j.mysql;

/** Where a mysqld listens. */
public record MySqlEndpoint(String host, int port) {

  public MySqlEndpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, got " + port);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
