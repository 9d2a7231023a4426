package dev.moco4j.mysql.seed.logical;

import java.util.Set;

/** Schemas and accounts that belong to the server itself and are never copied or dropped. */
public final class SystemNames {

  public static final Set<String> SCHEMAS =
      Set.of("mysql", "sys", "information_schema", "performance_schema");

  /**
   * The server's internal accounts, and root: every instance gets its own root (and the operator's
   * accounts) at initialization, from the cluster's Secret.
   */
  public static final Set<String> USERS =
      Set.of("mysql.sys", "mysql.session", "mysql.infoschema", "root");

  private SystemNames() {}

  /** A SQL list of the system schemas, for {@code NOT IN (...)}. */
  public static String schemaList() {
    return String.join(", ", SCHEMAS.stream().sorted().map(s -> "'" + s + "'").toList());
  }
}
