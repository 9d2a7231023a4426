package dev.moco4j.mysql.seed.logical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsertBatchTest {

  private final List<String> sent = new ArrayList<>();

  @Test
  void rowsAreGroupedIntoMultiRowInsertsUpToTheBound() {
    InsertBatch batch = new InsertBatch("`s`.`t`", List.of("`a`", "`b`"), 70, sent::add);

    for (int i = 1; i <= 5; i++) {
      batch.add(List.of(Integer.toString(i), "NULL"));
    }
    batch.flush();

    assertThat(sent)
        .containsExactly(
            "INSERT INTO `s`.`t` (`a`, `b`) VALUES (1,NULL),(2,NULL),(3,NULL)",
            "INSERT INTO `s`.`t` (`a`, `b`) VALUES (4,NULL),(5,NULL)");
    assertThat(sent).allSatisfy(sql -> assertThat(sql.length()).isLessThanOrEqualTo(70));
  }

  @Test
  void aRowLargerThanTheBoundIsSentAlone() {
    InsertBatch batch = new InsertBatch("`s`.`t`", List.of("`a`"), 40, sent::add);

    batch.add(List.of("1"));
    batch.add(List.of("X'" + "AB".repeat(50) + "'"));
    batch.add(List.of("3"));
    batch.flush();

    assertThat(sent).hasSize(3);
    assertThat(sent.get(1)).endsWith("VALUES (X'" + "AB".repeat(50) + "')");
  }

  @Test
  void nothingIsSentForAnEmptyTable() {
    new InsertBatch("`s`.`t`", List.of("`a`"), 40, sent::add).flush();

    assertThat(sent).isEmpty();
  }
}
