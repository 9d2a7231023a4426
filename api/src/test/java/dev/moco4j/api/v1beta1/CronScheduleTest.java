package dev.moco4j.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schedule rule's regex, read as CEL's matches() reads it (a search, RE2 syntax that Java's
 * regex reads the same for these constructs). The real API server runs it in BackupPolicyIT.
 */
class CronScheduleTest {

  private static final Pattern RULE = Pattern.compile(CronSchedule.PATTERN);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 3 * * *",
        "*/15 * * * *",
        "0 0-6/2 1,15 * MON-FRI",
        "30 2 ? JAN sun",
        "0  3 * * *",
        "@daily",
        "@yearly",
        "@annually",
        "@monthly",
        "@weekly",
        "@midnight",
        "@hourly"
      })
  void acceptsFiveFieldsAndTheKnownMacros(String schedule) {
    assertThat(RULE.matcher(schedule).find()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "0 3 * *",
        "0 0 3 * * *",
        "@every 1h",
        "@every",
        "@often",
        "TZ=UTC 0 3 * * *",
        "CRON_TZ=UTC 0 3 * * *",
        " 0 3 * * *",
        "0 3 * * * ",
        "daily",
        "@daily 0 3 * * *",
        "a 3 * * *"
      })
  void rejectsOtherFieldCountsMacrosAndPrefixes(String schedule) {
    assertThat(RULE.matcher(schedule).find()).isFalse();
  }

  @Test
  void agreesWithAFieldByFieldReadingOnRandomSchedules() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> pieces =
        List.of("0", "5", "*", "*/5", "1-5", "1,2", "?", "JAN", "mon", "@daily", "@every", "x!");
    for (int i = 0; i < 5_000; i++) {
      StringBuilder schedule = new StringBuilder();
      int fields = random.nextInt(8);
      for (int f = 0; f < fields; f++) {
        if (f > 0 || random.nextInt(10) == 0) {
          schedule.append(" ".repeat(1 + random.nextInt(2)));
        }
        schedule.append(pieces.get(random.nextInt(pieces.size())));
      }
      String text = schedule.toString();
      assertThat(RULE.matcher(text).find())
          .as("seed %d, schedule \"%s\"", seed, text)
          .isEqualTo(oracle(text));
    }
  }

  // Splits on spaces and checks each field's characters by its position.
  private static boolean oracle(String text) {
    if (Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
        .contains(text)) {
      return true;
    }
    if (text.startsWith(" ") || text.endsWith(" ")) {
      return false;
    }
    String[] fields = text.split(" +");
    if (fields.length != 5) {
      return false;
    }
    for (int f = 0; f < 5; f++) {
      for (char c : fields[f].toCharArray()) {
        boolean allowed =
            Character.isDigit(c)
                || "*,/-".indexOf(c) >= 0
                || (c == '?' && (f == 2 || f == 4))
                || (Character.isLetter(c) && c < 128 && (f == 3 || f == 4));
        if (!allowed) {
          return false;
        }
      }
    }
    return true;
  }
}
