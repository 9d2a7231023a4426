package dev.moco4j.mysql;

import java.sql.SQLException;

/** A failed operation on one instance, naming the instance and what was being done. */
public final class MySqlException extends RuntimeException {

  private final MySqlEndpoint endpoint;
  private final int errorCode;

  public MySqlException(MySqlEndpoint endpoint, String action, SQLException cause) {
    super(action + " on " + endpoint + " failed: " + cause.getMessage(), cause);
    this.endpoint = endpoint;
    this.errorCode = cause.getErrorCode();
  }

  public MySqlEndpoint endpoint() {
    return endpoint;
  }

  /** MySQL's error number (e.g. 1290 for a write refused by super_read_only), 0 if none. */
  public int errorCode() {
    return errorCode;
  }
}
