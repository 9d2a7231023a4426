package dev.moco4j.backup.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Writes rows as text that {@code LOAD DATA} reads with its default options (fields separated by
 * tab, lines ended by newline, {@code \} as escape, no enclosing quotes).
 *
 * <p>Each value is given as the bytes the server returned for the column over the text protocol
 * with {@code character_set_results = NULL}: every column in its own character set, unconverted.
 * The file therefore is not text in any one character set (binary columns hold any bytes), and is
 * loaded with {@code CHARACTER SET binary}; the server refuses JSON from a binary string, so a JSON
 * column is loaded into a user variable and set with {@code CONVERT(@v USING utf8mb4)}.
 *
 * <p>Escaped: {@code \} itself, tab and newline (they would end the field or row), and NUL, CR and
 * Ctrl-Z (0x1A) so that the file is safe for tools that stop or translate at those bytes; {@code
 * LOAD DATA} turns {@code \0 \r \Z} back into those bytes. SQL NULL is {@code \N}, which cannot be
 * confused with the two characters backslash-N because a backslash in a value is always doubled.
 */
public final class TsvWriter {

  private final OutputStream out;
  private final TableChecksum checksum;
  private byte[] row = new byte[8192];
  private int length;
  private long rows;

  /**
   * @param checksum fed every byte written, may be shared by the writers of a table's chunks
   */
  public TsvWriter(OutputStream out, TableChecksum checksum) {
    this.out = out;
    this.checksum = checksum;
  }

  public void writeRow(List<byte[]> values) throws IOException {
    writeRow(values.toArray(new byte[0][]));
  }

  public void writeRow(byte[]... values) throws IOException {
    if (values.length == 0) {
      throw new IllegalArgumentException("a row needs at least one column");
    }
    length = 0;
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        put((byte) '\t');
      }
      encode(values[i]);
    }
    put((byte) '\n');
    out.write(row, 0, length);
    if (checksum != null) {
      checksum.update(row, 0, length);
    }
    rows++;
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  private void encode(byte[] value) {
    if (value == null) {
      put((byte) '\\');
      put((byte) 'N');
      return;
    }
    for (byte b : value) {
      byte escaped = escapeFor(b);
      if (escaped != 0) {
        put((byte) '\\');
        put(escaped);
      } else {
        put(b);
      }
    }
  }

  /** The letter after the backslash for a byte that must be escaped, or 0 if it goes as is. */
  static byte escapeFor(byte b) {
    return switch (b) {
      case '\\' -> '\\';
      case '\t' -> 't';
      case '\n' -> 'n';
      case '\r' -> 'r';
      case 0 -> '0';
      case 0x1A -> 'Z';
      default -> 0;
    };
  }

  private void put(byte b) {
    if (length == row.length) {
      row = Arrays.copyOf(row, row.length * 2);
    }
    row[length++] = b;
  }
}
