package dev.moco4j.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeySegmentTest {

  @ParameterizedTest
  @ValueSource(strings = {"shop", "Orders_2024", "a$b", "my-db", "_", "0"})
  void plainNamesStayAsTheyAre(String name) {
    assertThat(KeySegment.encode(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a/b|a%2Fb",
        ".|%2E",
        "..|%2E%2E",
        "my table|my%20table",
        "100%|100%25",
        "café|caf%C3%A9",
        "db.t|db%2Et",
        "😀|%F0%9F%98%80"
      })
  void everythingElseIsPercentEncodedUtf8(String name, String encoded) {
    assertThat(KeySegment.encode(name)).isEqualTo(encoded);
    assertThat(KeySegment.decode(encoded)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "%", "%2", "%2f", "%41", "a b", "a/b", "a.b", "%C3", "%FF", "é"})
  void decodingRefusesAnythingButTheOneEncoding(String segment) {
    assertThatThrownBy(() -> KeySegment.decode(segment))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodingRefusesEmptyNamesAndLoneSurrogates() {
    assertThatThrownBy(() -> KeySegment.encode("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeySegment.encode("a\uD800b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Random names from every kind of character round-trip, and their encodings match an oracle built
   * code point by code point from the specification.
   */
  @Test
  void randomNamesRoundTripThroughOneSafeSegmentEach() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Map<String, String> nameByEncoding = new HashMap<>();
    for (int run = 0; run < 5_000; run++) {
      String name = randomName(random);
      String encoded = KeySegment.encode(name);

      assertThat(encoded).as("seed %d, name '%s'", seed, name).isEqualTo(oracle(name));
      assertThat(encoded).as("seed %d", seed).matches("[A-Za-z0-9_$%-]+");
      assertThat(KeySegment.decode(encoded)).as("seed %d, '%s'", seed, encoded).isEqualTo(name);
      String earlier = nameByEncoding.putIfAbsent(encoded, name);
      assertThat(earlier == null || earlier.equals(name))
          .as("seed %d: '%s' and '%s' share '%s'", seed, earlier, name, encoded)
          .isTrue();
    }
  }

  private static String oracle(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              if (ch.matches("[A-Za-z0-9_$-]")) {
                out.append(ch);
              } else {
                for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
                  out.append(String.format("%%%02X", b & 0xFF));
                }
              }
            });
    return out.toString();
  }

  private static String randomName(Random random) {
    int[][] ranges = {
      {'a', 'z'}, {'0', '9'}, {0x01, 0x7F}, {0x80, 0x7FF}, {0x800, 0xD7FF}, {0x10000, 0x10FFFF}
    };
    StringBuilder name = new StringBuilder();
    int length = 1 + random.nextInt(12);
    for (int i = 0; i < length; i++) {
      int[] range = ranges[random.nextInt(ranges.length)];
      name.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return name.toString();
  }
}
