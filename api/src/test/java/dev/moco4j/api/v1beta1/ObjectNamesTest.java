package dev.moco4j.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The name rules' regexes, read as CEL's matches() reads them (a search), against a character by
 * character reading of DNS-1123 labels and subdomains. Lengths are the schema's maxLength's job.
 */
class ObjectNamesTest {

  private static final String ALPHABET = "abz09-.A_";

  @Test
  void labelRuleAcceptsExactlyDns1123Labels() {
    compareOnRandomNames(Pattern.compile(ObjectNames.LABEL), ObjectNamesTest::isLabel);
  }

  @Test
  void subdomainRuleAcceptsExactlyDotSeparatedDns1123Labels() {
    compareOnRandomNames(
        Pattern.compile(ObjectNames.SUBDOMAIN),
        name -> Arrays.stream(name.split("\\.", -1)).allMatch(ObjectNamesTest::isLabel));
  }

  private static void compareOnRandomNames(
      Pattern rule, java.util.function.Predicate<String> oracle) {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(12);
      for (int c = 0; c < length; c++) {
        name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String text = name.toString();
      assertThat(rule.matcher(text).find())
          .as("seed %d, name \"%s\"", seed, text)
          .isEqualTo(oracle.test(text));
    }
  }

  private static boolean isLabel(String s) {
    if (s.isEmpty() || !isLowerAlnum(s.charAt(0)) || !isLowerAlnum(s.charAt(s.length() - 1))) {
      return false;
    }
    return s.chars().allMatch(c -> isLowerAlnum((char) c) || c == '-');
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
