package dev.moco4j.mysql;

/** Quotes names and values for statements that cannot take {@code ?} placeholders. */
public final class SqlQuoting {

  private SqlQuoting() {}

  /**
   * A backquoted identifier ({@code `a``b`}). Backquotes are identifier quotes in every sql_mode
   * ({@code ANSI_QUOTES} only adds double quotes), so this is safe on any session.
   */
  public static String identifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** An account name, {@code `user`@`host`}, as CREATE/DROP USER and SHOW GRANTS accept it. */
  public static String account(String user, String host) {
    return identifier(user) + "@" + identifier(host);
  }

  /**
   * A single-quoted string literal escaped for the default sql_mode. Backslash escapes are not
   * understood under {@code NO_BACKSLASH_ESCAPES}, so a session that runs such literals must not
   * have that mode (callers set the session's sql_mode first).
   */
  public static String stringLiteral(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\'' -> quoted.append("''");
        case '\\' -> quoted.append("\\\\");
        case '\0' -> quoted.append("\\0");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\032' -> quoted.append("\\Z");
        default -> quoted.append(c);
      }
    }
    return quoted.append('\'').toString();
  }
}
