package dev.moco4j.api.names;

import java.util.List;

/**
 * The MySQL users moco4j creates on every instance, with the key of each one's password in the
 * operator Secret ({@link ResourceNames#operatorSecret}). The keys are valid environment variable
 * names, so a container can take the whole Secret with {@code envFrom}.
 */
public enum MySQLUsers {
  /** Everything, with grant option: the health-monitor, clone and restore. */
  ADMIN("moco4j-admin", "ADMIN_PASSWORD"),
  /** Replicas connect to their primary with it. */
  REPLICATION("moco4j-repl", "REPLICATION_PASSWORD"),
  /** The backup-service's dumps and binlog reads. */
  BACKUP("moco4j-backup", "BACKUP_PASSWORD"),
  /** Applications that only read. */
  READONLY("moco4j-readonly", "READONLY_PASSWORD"),
  /** Applications that read and write their data. */
  WRITABLE("moco4j-writable", "WRITABLE_PASSWORD");

  /** The keys of the user Secret ({@link ResourceNames#userSecret}) applications read. */
  public static final List<String> USER_SECRET_KEYS =
      List.of(
          "READONLY_USER",
          "READONLY_PASSWORD",
          "WRITABLE_USER",
          "WRITABLE_PASSWORD",
          "PRIMARY_HOST",
          "REPLICA_HOST",
          "PORT");

  private final String userName;
  private final String passwordKey;

  MySQLUsers(String userName, String passwordKey) {
    this.userName = userName;
    this.passwordKey = passwordKey;
  }

  /** The MySQL user name (the host part is always {@code '%'}). */
  public String userName() {
    return userName;
  }

  /** The key of this user's password in the operator Secret. */
  public String passwordKey() {
    return passwordKey;
  }

  /** Whether applications get this user's password in the user Secret. */
  public boolean forApplications() {
    return this == READONLY || this == WRITABLE;
  }
}
