package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.MySQLUsers;

/** The privileges of each operator user, as the statements the init file runs. */
final class UserGrants {

  private UserGrants() {}

  /** What the user may do, as the privilege list of a GRANT ... ON *.*. */
  static String privileges(MySQLUsers user) {
    return switch (user) {
      // The health-monitor sets read-only flags, kills connections, clones and restores.
      case ADMIN -> "ALL PRIVILEGES";
      case REPLICATION -> "REPLICATION SLAVE, REPLICATION CLIENT";
      // Consistent dumps (FLUSH, LOCK INSTANCE FOR BACKUP) and reading binlogs for archiving.
      case BACKUP ->
          "SELECT, RELOAD, PROCESS, LOCK TABLES, SHOW VIEW, EVENT, TRIGGER, REPLICATION CLIENT,"
              + " REPLICATION SLAVE, BACKUP_ADMIN";
      case READONLY -> "SELECT, SHOW VIEW, SHOW DATABASES, PROCESS, REPLICATION CLIENT";
      // Everything on data and schema, and managing its own application users; nothing that
      // could bypass read-only or touch replication.
      case WRITABLE ->
          "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, REFERENCES, INDEX, ALTER,"
              + " CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, CREATE VIEW, SHOW VIEW,"
              + " CREATE ROUTINE, ALTER ROUTINE, EVENT, TRIGGER, SHOW DATABASES, PROCESS,"
              + " REPLICATION CLIENT, CREATE USER";
    };
  }

  /** Whether the user may grant its privileges on (only to users it creates itself). */
  static boolean withGrantOption(MySQLUsers user) {
    return user == MySQLUsers.ADMIN || user == MySQLUsers.WRITABLE;
  }

  /**
   * The SQL that creates the user; the password is a shell parameter expansion of the variable
   * named after its Secret key, filled in by the init script from its environment.
   */
  static String statements(MySQLUsers user) {
    String account = "'" + user.userName() + "'@'%'";
    return "CREATE USER "
        + account
        + " IDENTIFIED BY '${"
        + user.passwordKey()
        + "}';\n"
        + "GRANT "
        + privileges(user)
        + " ON *.* TO "
        + account
        + (withGrantOption(user) ? " WITH GRANT OPTION" : "")
        + ";\n";
  }
}
