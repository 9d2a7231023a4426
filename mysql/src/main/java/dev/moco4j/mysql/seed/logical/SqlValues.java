package dev.moco4j.mysql.seed.logical;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Renders one value, as read in its {@link ColumnKind}'s wire form, as a SQL literal. */
final class SqlValues {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private SqlValues() {}

  /**
   * Hex literals carry any bytes without escaping, so no value can break out of its literal
   * whatever the recipient's sql_mode ({@code NO_BACKSLASH_ESCAPES}, {@code ANSI_QUOTES}); text
   * gets the {@code _utf8mb4} introducer so it is converted to the column's character set rather
   * than stored as raw bytes.
   */
  static String literal(ColumnKind kind, byte[] value) {
    if (value == null) {
      return "NULL";
    }
    return switch (kind) {
      case NUMBER, BIT -> number(value);
      case BINARY -> "X'" + HEX.formatHex(value) + "'";
      // An empty hex literal after an introducer is not accepted by every version: spell it ''.
      case TEXT -> value.length == 0 ? "''" : "_utf8mb4 X'" + HEX.formatHex(value) + "'";
    };
  }

  private static String number(byte[] value) {
    String text = new String(value, StandardCharsets.US_ASCII);
    if (!NUMBER.matcher(text).matches()) {
      // Written unquoted, so anything but a plain number is refused rather than sent as SQL.
      throw new IllegalArgumentException("not a number: " + text);
    }
    return text;
  }
}
