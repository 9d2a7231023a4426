package dev.moco4j.mysql.seed.logical;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlValuesTest {

  @Test
  void nullIsNullWhateverTheKind() {
    for (ColumnKind kind : ColumnKind.values()) {
      assertThat(SqlValues.literal(kind, null)).isEqualTo("NULL");
    }
  }

  @ParameterizedTest
  @CsvSource({"42", "-7", "12345678901234567890.0000000001", "1.5e-10", "3.4028235E38", ".5"})
  void numbersAreWrittenAsTheServerPrintedThem(String number) {
    assertThat(SqlValues.literal(ColumnKind.NUMBER, number.getBytes(US_ASCII))).isEqualTo(number);
  }

  @Test
  void anythingButAPlainNumberIsRefusedBecauseItWouldBeWrittenUnquoted() {
    assertThatThrownBy(
            () -> SqlValues.literal(ColumnKind.NUMBER, "1); DROP TABLE t; --".getBytes(US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void binaryValuesBecomeHexLiterals() {
    assertThat(SqlValues.literal(ColumnKind.BINARY, new byte[] {0, (byte) 0xff, '\'', '\\'}))
        .isEqualTo("X'00FF275C'");
    assertThat(SqlValues.literal(ColumnKind.BINARY, new byte[0])).isEqualTo("X''");
  }

  @Test
  void textBecomesUtf8mb4HexSoNoQuoteOrBackslashCanEscape() {
    assertThat(SqlValues.literal(ColumnKind.TEXT, "it's\\ é😀".getBytes(UTF_8)))
        .isEqualTo("_utf8mb4 X'697427735C20C3A9F09F9880'");
    assertThat(SqlValues.literal(ColumnKind.TEXT, new byte[0])).isEqualTo("''");
  }

  @ParameterizedTest
  @CsvSource({
    "int, NUMBER",
    "BIGINT, NUMBER",
    "decimal, NUMBER",
    "float, NUMBER",
    "double, NUMBER",
    "bit, BIT",
    "varbinary, BINARY",
    "longblob, BINARY",
    "point, BINARY",
    "geomcollection, BINARY",
    "varchar, TEXT",
    "json, TEXT",
    "datetime, TEXT",
    "timestamp, TEXT",
    "enum, TEXT",
    "year, TEXT"
  })
  void columnKindFollowsTheDataType(String dataType, ColumnKind kind) {
    assertThat(ColumnKind.of(dataType)).isEqualTo(kind);
  }

  @Test
  void selectExpressionsAskTheServerForTextExceptForBinaryValues() {
    assertThat(ColumnKind.NUMBER.selectExpression("`d`"))
        .isEqualTo("CAST(`d` AS CHAR CHARACTER SET utf8mb4)");
    assertThat(ColumnKind.BIT.selectExpression("`b`"))
        .isEqualTo("CAST(`b` + 0 AS CHAR CHARACTER SET utf8mb4)");
    assertThat(ColumnKind.BINARY.selectExpression("`g`")).isEqualTo("`g`");
  }
}
