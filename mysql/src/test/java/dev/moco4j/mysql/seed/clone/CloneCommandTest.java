package dev.moco4j.mysql.seed.clone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.MySqlEndpoint;
import org.junit.jupiter.api.Test;

class CloneCommandTest {

  private static final MySqlEndpoint DONOR = new MySqlEndpoint("db-0.db.ns.svc", 3306);

  @Test
  void recipientAllowsOnlyTheDonorThenClonesFromIt() {
    CloneCommand command = CloneCommand.from(DONOR, new Credentials("moco4j-clone", "s3cret"));

    assertThat(command.statements())
        .containsExactly(
            "SET SESSION sql_mode = ''",
            "SET GLOBAL clone_valid_donor_list = 'db-0.db.ns.svc:3306'",
            "CLONE INSTANCE FROM 'moco4j-clone'@'db-0.db.ns.svc':3306 IDENTIFIED BY 's3cret'");
  }

  @Test
  void valuesAreEscapedSoAPasswordCannotEndTheLiteral() {
    CloneCommand command =
        CloneCommand.from(DONOR, new Credentials("o'brien", "x' ; DROP DATABASE app; -- \\"));

    assertThat(command.statements().get(2))
        .isEqualTo(
            "CLONE INSTANCE FROM 'o''brien'@'db-0.db.ns.svc':3306"
                + " IDENTIFIED BY 'x'' ; DROP DATABASE app; -- \\\\'");
  }

  @Test
  void printedCommandNamesDonorAndUserButNotThePassword() {
    CloneCommand command = CloneCommand.from(DONOR, new Credentials("moco4j-clone", "s3cret"));

    assertThat(command.toString())
        .contains("moco4j-clone", "db-0.db.ns.svc:3306")
        .doesNotContain("s3cret");
  }
}
