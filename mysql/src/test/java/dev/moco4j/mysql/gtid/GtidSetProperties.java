package dev.moco4j.mysql.gtid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Checks the algebra against a brute-force model: a GTID set as the plain set of its transactions.
 */
class GtidSetProperties {

  private static final List<String> UUIDS =
      List.of(
          "00000000-0000-0000-0000-000000000001",
          "3e11fa47-71ca-11e1-9e33-c80aa9429562",
          "ffffffff-ffff-ffff-ffff-ffffffffffff");
  private static final List<String> TAGS = List.of("", "", "ops", "z_9");
  private static final int MAX_GNO = 40;

  @Provide
  Arbitrary<GtidSet> gtidSets() {
    Arbitrary<String> range =
        Combinators.combine(
                Arbitraries.of(UUIDS),
                Arbitraries.of(TAGS),
                Arbitraries.integers().between(1, MAX_GNO),
                Arbitraries.integers().between(0, 8))
            .as(
                (uuid, tag, start, length) ->
                    uuid
                        + (tag.isEmpty() ? "" : ":" + tag)
                        + ":"
                        + start
                        + "-"
                        + Math.min(MAX_GNO, start + length));
    return range.list().ofMaxSize(6).map(parts -> GtidSet.parse(String.join(",", parts)));
  }

  private static Set<String> model(GtidSet set) {
    Set<String> transactions = new HashSet<>();
    for (String uuid : UUIDS) {
      for (String tag : TAGS) {
        for (long gno = 1; gno <= MAX_GNO; gno++) {
          if (set.contains(uuid, tag, gno)) {
            transactions.add(uuid + ":" + tag + ":" + gno);
          }
        }
      }
    }
    return transactions;
  }

  @Property
  void printedTextParsesBackToTheSameSet(@ForAll("gtidSets") GtidSet set) {
    assertThat(GtidSet.parse(set.toString())).isEqualTo(set);
    assertThat(GtidSet.parse(set.toString()).toString()).isEqualTo(set.toString());
  }

  @Property
  void theSameTransactionsWrittenOneByOneGiveAnEqualSetAndText(@ForAll("gtidSets") GtidSet set) {
    java.util.List<String> singles = new java.util.ArrayList<>();
    for (String transaction : model(set)) {
      String[] parts = transaction.split(":");
      singles.add(parts[0] + (parts[1].isEmpty() ? "" : ":" + parts[1]) + ":" + parts[2]);
    }
    java.util.Collections.shuffle(singles);
    GtidSet rebuilt = GtidSet.parse(String.join(",", singles));

    assertThat(rebuilt).isEqualTo(set);
    assertThat(rebuilt.toString()).isEqualTo(set.toString());
  }

  @Property
  void unionHoldsExactlyTheTransactionsOfEither(
      @ForAll("gtidSets") GtidSet a, @ForAll("gtidSets") GtidSet b) {
    Set<String> expected = model(a);
    expected.addAll(model(b));
    assertThat(model(a.union(b))).isEqualTo(expected);
    assertThat(a.union(b)).isEqualTo(b.union(a));
  }

  @Property
  void subtractionHoldsExactlyTheTransactionsOnlyInTheFirst(
      @ForAll("gtidSets") GtidSet a, @ForAll("gtidSets") GtidSet b) {
    Set<String> expected = model(a);
    expected.removeAll(model(b));
    assertThat(model(a.subtract(b))).isEqualTo(expected);
  }

  @Property
  void intersectionHoldsExactlyTheSharedTransactions(
      @ForAll("gtidSets") GtidSet a, @ForAll("gtidSets") GtidSet b) {
    Set<String> expected = model(a);
    expected.retainAll(model(b));
    assertThat(model(a.intersect(b))).isEqualTo(expected);
  }

  @Property
  void subsetAgreesWithTheModel(@ForAll("gtidSets") GtidSet a, @ForAll("gtidSets") GtidSet b) {
    assertThat(a.isSubsetOf(b)).isEqualTo(model(b).containsAll(model(a)));
    assertThat(a.isSubsetOf(a.union(b))).isTrue();
  }

  @Property
  void equalityMeansMutualSubsetAndEqualHashes(
      @ForAll("gtidSets") GtidSet a, @ForAll("gtidSets") GtidSet b) {
    boolean mutual = a.isSubsetOf(b) && b.isSubsetOf(a);
    assertThat(a.equals(b)).isEqualTo(mutual);
    if (mutual) {
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
  }

  @Property
  void countIsTheNumberOfTransactions(@ForAll("gtidSets") GtidSet set) {
    assertThat(set.count()).isEqualTo(model(set).size());
  }
}
