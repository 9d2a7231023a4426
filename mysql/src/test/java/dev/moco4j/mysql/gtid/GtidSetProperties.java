package dev.moco4j.mysql.gtid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Checks the algebra against a brute-force model: a GTID set as the plain set of its transactions,
 * known from the ranges the text was generated from. A failure names its seed; {@code
 * -Dmoco4j.seed=<seed>} replays it.
 */
class GtidSetProperties {

  private static final int CASES = 1000;
  private static final List<String> UUIDS =
      List.of(
          "00000000-0000-0000-0000-000000000001",
          "3e11fa47-71ca-11e1-9e33-c80aa9429562",
          "ffffffff-ffff-ffff-ffff-ffffffffffff");
  private static final List<String> TAGS = List.of("", "", "ops", "z_9");
  private static final int MAX_GNO = 40;

  /** A set as MySQL would print it, and the transactions its ranges name. */
  record Sample(String text, Set<String> transactions) {
    GtidSet set() {
      return GtidSet.parse(text);
    }

    @Override
    public String toString() {
      return "'" + text + "'";
    }
  }

  record Pair(Sample a, Sample b) {}

  static Sample sample(RandomGenerator random) {
    List<String> ranges = new ArrayList<>();
    Set<String> transactions = new HashSet<>();
    int count = random.nextInt(7);
    for (int i = 0; i < count; i++) {
      String uuid = UUIDS.get(random.nextInt(UUIDS.size()));
      String tag = TAGS.get(random.nextInt(TAGS.size()));
      int start = random.nextInt(1, MAX_GNO + 1);
      int end = Math.min(MAX_GNO, start + random.nextInt(9));
      ranges.add(uuid + (tag.isEmpty() ? "" : ":" + tag) + ":" + start + "-" + end);
      for (int gno = start; gno <= end; gno++) {
        transactions.add(key(uuid, tag, gno));
      }
    }
    return new Sample(String.join(",", ranges), transactions);
  }

  static Pair pair(RandomGenerator random) {
    return new Pair(sample(random), sample(random));
  }

  private static String key(String uuid, String tag, long gno) {
    return uuid + ":" + tag + ":" + gno;
  }

  /** What the set holds, read one possible transaction at a time. */
  private static Set<String> model(GtidSet set) {
    Set<String> transactions = new HashSet<>();
    for (String uuid : UUIDS) {
      for (String tag : TAGS) {
        for (long gno = 1; gno <= MAX_GNO; gno++) {
          if (set.contains(uuid, tag, gno)) {
            transactions.add(key(uuid, tag, gno));
          }
        }
      }
    }
    return transactions;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> result = new HashSet<>(a);
    result.addAll(b);
    return result;
  }

  private static void forAll(Consumer<Sample> property) {
    Seeds.check(CASES, GtidSetProperties::sample, property);
  }

  private static void forAllPairs(Consumer<Pair> property) {
    Seeds.check(CASES, GtidSetProperties::pair, property);
  }

  @Test
  void parsedTextHoldsExactlyTheTransactionsItsRangesName() {
    forAll(
        s -> {
          assertThat(model(s.set())).isEqualTo(s.transactions());
          assertThat(s.set().isEmpty()).isEqualTo(s.transactions().isEmpty());
        });
  }

  @Test
  void printedTextParsesBackToTheSameSet() {
    forAll(
        s -> {
          GtidSet set = s.set();
          assertThat(GtidSet.parse(set.toString())).isEqualTo(set);
          assertThat(GtidSet.parse(set.toString()).toString()).isEqualTo(set.toString());
        });
  }

  @Test
  void theSameTransactionsWrittenOneByOneGiveAnEqualSetAndText() {
    Seeds.check(
        CASES,
        random -> {
          Sample s = sample(random);
          List<String> singles = new ArrayList<>();
          for (String transaction : s.transactions()) {
            String[] parts = transaction.split(":", -1);
            singles.add(parts[0] + (parts[1].isEmpty() ? "" : ":" + parts[1]) + ":" + parts[2]);
          }
          Collections.sort(singles);
          Collections.shuffle(singles, random);
          return new Pair(s, new Sample(String.join(",", singles), s.transactions()));
        },
        p -> {
          GtidSet ranged = p.a().set();
          GtidSet rebuilt = p.b().set();
          assertThat(rebuilt).isEqualTo(ranged);
          assertThat(rebuilt.toString()).isEqualTo(ranged.toString());
        });
  }

  @Test
  void unionHoldsExactlyTheTransactionsOfEither() {
    forAllPairs(
        p -> {
          GtidSet a = p.a().set();
          GtidSet b = p.b().set();
          assertThat(model(a.union(b)))
              .isEqualTo(union(p.a().transactions(), p.b().transactions()));
          assertThat(a.union(b)).isEqualTo(b.union(a));
        });
  }

  @Test
  void subtractionHoldsExactlyTheTransactionsOnlyInTheFirst() {
    forAllPairs(
        p -> {
          Set<String> expected = new HashSet<>(p.a().transactions());
          expected.removeAll(p.b().transactions());
          assertThat(model(p.a().set().subtract(p.b().set()))).isEqualTo(expected);
        });
  }

  @Test
  void intersectionHoldsExactlyTheSharedTransactions() {
    forAllPairs(
        p -> {
          Set<String> expected = new HashSet<>(p.a().transactions());
          expected.retainAll(p.b().transactions());
          assertThat(model(p.a().set().intersect(p.b().set()))).isEqualTo(expected);
        });
  }

  @Test
  void subsetAgreesWithTheModel() {
    forAllPairs(
        p -> {
          GtidSet a = p.a().set();
          GtidSet b = p.b().set();
          assertThat(a.isSubsetOf(b))
              .isEqualTo(p.b().transactions().containsAll(p.a().transactions()));
          assertThat(a.isSubsetOf(a.union(b))).isTrue();
        });
  }

  @Test
  void equalityMeansTheSameTransactionsAndEqualHashes() {
    Seeds.check(
        CASES,
        random -> {
          Pair p = pair(random);
          // Independent samples are rarely equal: half of the time compare with a reordering.
          return random.nextBoolean()
              ? p
              : new Pair(p.a(), new Sample(reversed(p.a().text()), p.a().transactions()));
        },
        p -> {
          GtidSet a = p.a().set();
          GtidSet b = p.b().set();
          boolean same = p.a().transactions().equals(p.b().transactions());
          assertThat(a.equals(b)).isEqualTo(same);
          if (same) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
            assertThat(a.toString()).isEqualTo(b.toString());
          }
        });
  }

  @Test
  void countIsTheNumberOfTransactions() {
    forAll(s -> assertThat(s.set().count()).isEqualTo(s.transactions().size()));
  }

  private static String reversed(String text) {
    List<String> ranges = new ArrayList<>(List.of(text.split(",")));
    Collections.reverse(ranges);
    return String.join(",", ranges);
  }
}
