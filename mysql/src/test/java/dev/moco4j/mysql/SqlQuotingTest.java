package dev.moco4j.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlQuotingTest {

  @Test
  void identifiersDoubleTheirBackquotes() {
    assertThat(SqlQuoting.identifier("plain")).isEqualTo("`plain`");
    assertThat(SqlQuoting.identifier("we`ird")).isEqualTo("`we``ird`");
  }

  @Test
  void accountsQuoteUserAndHostSeparately() {
    assertThat(SqlQuoting.account("app", "%")).isEqualTo("`app`@`%`");
  }

  @Test
  void stringLiteralsEscapeQuotesBackslashesAndControlCharacters() {
    assertThat(SqlQuoting.stringLiteral("it's")).isEqualTo("'it''s'");
    assertThat(SqlQuoting.stringLiteral("a\\' OR 1=1 -- ")).isEqualTo("'a\\\\'' OR 1=1 -- '");
    assertThat(SqlQuoting.stringLiteral("nul\0 nl\n cr\r eof\032"))
        .isEqualTo("'nul\\0 nl\\n cr\\r eof\\Z'");
    assertThat(SqlQuoting.stringLiteral("ünïcødé ✓")).isEqualTo("'ünïcødé ✓'");
  }
}
