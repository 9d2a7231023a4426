package dev.moco4j.backup.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns any name (a MySQL identifier may hold any character) into one safe, reversible S3 key
 * segment.
 *
 * <p>The format: the name's UTF-8 bytes, each byte outside {@code [A-Za-z0-9_$-]} written as {@code
 * %XX} with upper-case hex. Plain names stay readable; {@code /} can never appear (so a name is
 * always exactly one segment), {@code .} is escaped (so {@code .} and {@code ..} cannot act as path
 * steps) and {@code %} itself is escaped (so decoding is unambiguous). Exactly one encoding is
 * accepted back, which keeps keys and names in one-to-one correspondence.
 */
public final class KeySegment {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private KeySegment() {}

  public static String encode(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a name to encode must not be empty");
    }
    byte[] utf8 = utf8(name);
    StringBuilder out = new StringBuilder(utf8.length + 8);
    for (byte b : utf8) {
      int c = b & 0xFF;
      if (isPlain(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  public static String decode(String segment) {
    if (segment == null || segment.isEmpty()) {
      throw new IllegalArgumentException("an encoded name must not be empty");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw invalid(segment, "'%' at " + i + " is not followed by two hex digits");
        }
        int value = hexDigit(segment, i + 1) << 4 | hexDigit(segment, i + 2);
        if (isPlain(value)) {
          throw invalid(segment, "%" + segment.substring(i + 1, i + 3) + " must be written plain");
        }
        bytes.write(value);
        i += 2;
      } else if (isPlain(c)) {
        bytes.write(c);
      } else {
        throw invalid(segment, "character '" + c + "' must be percent-encoded");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(segment, "its bytes are not UTF-8");
    }
  }

  static boolean isPlain(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '$'
        || c == '-';
  }

  private static byte[] utf8(String name) {
    try {
      // Strict: a lone surrogate would otherwise become '?' and two names would share one key.
      ByteBuffer buffer =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(name));
      byte[] out = new byte[buffer.remaining()];
      buffer.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("name is not valid Unicode text: " + e.getMessage(), e);
    }
  }

  private static int hexDigit(String segment, int at) {
    char c = segment.charAt(at);
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw invalid(segment, "'" + c + "' is not an upper-case hex digit");
  }

  private static IllegalArgumentException invalid(String segment, String why) {
    return new IllegalArgumentException("'" + segment + "' is not an encoded name: " + why);
  }
}
