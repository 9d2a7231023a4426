package dev.moco4j.service;

/**
 * Where the service's {@link HttpEndpoints} listen.
 *
 * @param host the address to bind, {@code 0.0.0.0} for every interface
 * @param port the TCP port; 0 picks a free one (tests)
 */
public record HttpConfig(String host, int port) {

  public static final String PORT_ENV = "MOCO4J_HTTP_PORT";
  public static final String HOST_ENV = "MOCO4J_HTTP_HOST";
  public static final int DEFAULT_PORT = 8080;

  public HttpConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
  }

  /**
   * {@value #PORT_ENV} (default {@value #DEFAULT_PORT}; 0 for any free port) and {@value #HOST_ENV}
   * (default every interface).
   *
   * @throws ConfigException when the port is not a number from 0 to 65535
   */
  public static HttpConfig fromEnv(EnvConfig env) {
    int port =
        env.optional(
            PORT_ENV,
            HttpConfig::parsePort,
            DEFAULT_PORT,
            "a TCP port number, 0 to 65535 (0 picks a free port)");
    return new HttpConfig(env.optional(HOST_ENV).orElse("0.0.0.0"), port);
  }

  private static int parsePort(String value) {
    int port = Integer.parseInt(value);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + value);
    }
    return port;
  }
}
