package dev.moco4j.mysql;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections to one mysqld with the operator's settings. */
public final class MySqlConnector {

  private static final Driver DRIVER = newDriver();

  private final MySqlEndpoint endpoint;
  private final ConnectionSettings settings;

  public MySqlConnector(MySqlEndpoint endpoint, ConnectionSettings settings) {
    this.endpoint = endpoint;
    this.settings = settings;
  }

  private static Driver newDriver() {
    try {
      return new com.mysql.cj.jdbc.Driver();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the MySQL driver", e);
    }
  }

  public MySqlEndpoint endpoint() {
    return endpoint;
  }

  public ConnectionSettings settings() {
    return settings;
  }

  public Connection open() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", settings.credentials().user());
    props.setProperty("password", settings.credentials().password());
    props.setProperty("connectTimeout", Long.toString(settings.connectTimeout().toMillis()));
    props.setProperty("socketTimeout", Long.toString(settings.readTimeout().toMillis()));
    // TLS when the server offers it (stock MySQL 8 generates certificates at initialization).
    props.setProperty("sslMode", "PREFERRED");
    // caching_sha2_password over a non-TLS link needs the server's RSA key; with TLS it is unused.
    props.setProperty("allowPublicKeyRetrieval", "true");
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("connectionAttributes", "program_name:moco4j");
    // The driver directly, not DriverManager, so that it is found in any class loader.
    return DRIVER.connect("jdbc:mysql://" + endpoint.host() + ":" + endpoint.port() + "/", props);
  }
}
