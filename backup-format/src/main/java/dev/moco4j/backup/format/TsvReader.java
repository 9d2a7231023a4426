package dev.moco4j.backup.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rows in the text format of {@link TsvWriter}: the escapes {@code LOAD DATA} understands by
 * default ({@code \0 \b \n \r \t \Z \\}, and {@code \N} alone as NULL). Anything else, and a last
 * row without its newline (a cut-off file), is refused rather than guessed at.
 */
public final class TsvReader {

  private final InputStream in;
  private final byte[] buffer = new byte[65536];
  private int position;
  private int limit;
  private long line;

  public TsvReader(InputStream in) {
    this.in = in;
  }

  /** The next row's values (null for SQL NULL), or null at the end of the input. */
  public byte[][] nextRow() throws IOException {
    int b = read();
    if (b < 0) {
      return null;
    }
    line++;
    List<byte[]> values = new ArrayList<>();
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    boolean isNull = false;
    while (true) {
      if (b < 0) {
        throw malformed("the last row has no line end: the file is cut off");
      }
      if (b == '\t' || b == '\n') {
        values.add(isNull ? null : field.toByteArray());
        field.reset();
        isNull = false;
        if (b == '\n') {
          return values.toArray(new byte[0][]);
        }
      } else if (isNull) {
        throw malformed("\\N followed by more text in one field");
      } else if (b == '\\') {
        int next = read();
        if (next == 'N' && field.size() == 0) {
          isNull = true;
        } else {
          field.write(unescape(next));
        }
      } else {
        field.write(b);
      }
      b = read();
    }
  }

  private byte unescape(int letter) throws MalformedTsvException {
    return switch (letter) {
      case '\\' -> '\\';
      case 't' -> '\t';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case '0' -> 0;
      case 'Z' -> 0x1A;
      case 'b' -> '\b';
      case -1 -> throw malformed("the input ends after an escape character");
      default -> throw malformed("unknown escape \\" + (char) letter);
    };
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++] & 0xFF;
  }

  private MalformedTsvException malformed(String why) {
    return new MalformedTsvException("row " + line + ": " + why);
  }

  /** The input is not in the format {@link TsvWriter} writes. */
  public static final class MalformedTsvException extends IOException {
    public MalformedTsvException(String message) {
      super(message);
    }
  }
}
