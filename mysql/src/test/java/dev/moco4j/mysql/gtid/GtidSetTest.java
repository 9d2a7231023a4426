package dev.moco4j.mysql.gtid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtidSetTest {

  private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
  private static final String B = "2174b383-5441-11e8-b90a-c80aa9429562";

  @Test
  void parsesMultiLineServerOutputIntoNormalizedText() {
    // The layout @@gtid_executed has on a server that saw two sources: ",\n" between them.
    GtidSet set = GtidSet.parse(A.toUpperCase() + ":1-5:11-18,\n" + B + ":1-3");

    assertThat(set.toString()).isEqualTo(B + ":1-3," + A + ":1-5:11-18");
    assertThat(set.count()).isEqualTo(16);
  }

  @Test
  void mergesAdjacentAndOverlappingRanges() {
    assertThat(GtidSet.parse(A + ":4-5:1-3:7:8-9:2").toString()).isEqualTo(A + ":1-5:7-9");
  }

  @Test
  void emptyAndBlankTextAreTheEmptySet() {
    assertThat(GtidSet.parse("")).isEqualTo(GtidSet.EMPTY);
    assertThat(GtidSet.parse(null)).isEqualTo(GtidSet.EMPTY);
    assertThat(GtidSet.parse(" \n")).isEqualTo(GtidSet.EMPTY);
    assertThat(GtidSet.EMPTY.toString()).isEmpty();
  }

  @Test
  void parsesTaggedGtidsOfNewerServers() {
    GtidSet set = GtidSet.parse(A + ":1-3:backup:1-2:Batch_1:5");

    assertThat(set.contains(A, "", 3)).isTrue();
    assertThat(set.contains(A, "backup", 2)).isTrue();
    assertThat(set.contains(A, "backup", 3)).isFalse();
    assertThat(set.contains(A, "batch_1", 5)).isTrue();
    assertThat(set.toString()).isEqualTo(A + ":1-3:backup:1-2:batch_1:5");
  }

  @Test
  void subtractionLeavesWhatTheOtherSetLacks() {
    GtidSet primary = GtidSet.parse(A + ":1-100," + B + ":1-5");
    GtidSet replica = GtidSet.parse(A + ":1-40:42-100");

    assertThat(primary.subtract(replica).toString()).isEqualTo(B + ":1-5," + A + ":41");
    assertThat(replica.isSubsetOf(primary)).isTrue();
    assertThat(primary.isSubsetOf(replica)).isFalse();
  }

  @Test
  void errantReplicaIsNotASubsetOfThePrimary() {
    GtidSet primary = GtidSet.parse(A + ":1-10");
    GtidSet errant = GtidSet.parse(A + ":1-8," + B + ":1");

    assertThat(errant.isSubsetOf(primary)).isFalse();
    assertThat(errant.subtract(primary)).isEqualTo(GtidSet.parse(B + ":1"));
  }

  @Test
  void rejectsTextThatIsNotAGtidSetAndNamesThePart() {
    assertThatThrownBy(() -> GtidSet.parse("not-a-uuid:1-2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'not-a-uuid' is not a server UUID");
    assertThatThrownBy(() -> GtidSet.parse(A + ":5-2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'5-2' is not a transaction range");
    assertThatThrownBy(() -> GtidSet.parse(A + ":0"))
        .hasMessageContaining("'0' is not a transaction range");
  }
}
