package dev.moco4j.api.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MySQLUsersTest {

  @Test
  void userNamesFitMySQLsLimitAndAreDistinct() {
    // MySQL 8.0 user names are at most 32 characters (mysql.user.User is CHAR(32)).
    assertThat(MySQLUsers.values())
        .allSatisfy(
            u -> assertThat(u.userName()).hasSizeLessThanOrEqualTo(32).startsWith("moco4j-"));
    assertThat(Arrays.stream(MySQLUsers.values()).map(MySQLUsers::userName))
        .doesNotHaveDuplicates();
  }

  @Test
  void passwordKeysAreDistinctEnvironmentVariableNames() {
    assertThat(MySQLUsers.values())
        .allSatisfy(u -> assertThat(u.passwordKey()).matches("[A-Z_][A-Z0-9_]*"));
    assertThat(Arrays.stream(MySQLUsers.values()).map(MySQLUsers::passwordKey))
        .doesNotHaveDuplicates();
  }

  @Test
  void onlyTheReadOnlyAndWritableUsersAreForApplications() {
    assertThat(Arrays.stream(MySQLUsers.values()).filter(MySQLUsers::forApplications))
        .containsExactly(MySQLUsers.READONLY, MySQLUsers.WRITABLE);
    assertThat(MySQLUsers.USER_SECRET_KEYS)
        .contains(MySQLUsers.READONLY.passwordKey(), MySQLUsers.WRITABLE.passwordKey())
        .doesNotContain(MySQLUsers.ADMIN.passwordKey());
  }
}
