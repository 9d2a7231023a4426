package dev.moco4j.mysql.seed.clone;

import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.SqlQuoting;
import java.util.List;

/**
 * The statements a recipient runs to clone a donor. They carry the donor user's password: {@link
 * #toString()} leaves them out so that a logged command shows none.
 */
public final class CloneCommand {

  private final MySqlEndpoint donor;
  private final Credentials donorUser;

  private CloneCommand(MySqlEndpoint donor, Credentials donorUser) {
    this.donor = donor;
    this.donorUser = donorUser;
  }

  /**
   * @param donorUser an account on the donor with BACKUP_ADMIN (the recipient's own session needs
   *     CLONE_ADMIN)
   */
  public static CloneCommand from(MySqlEndpoint donor, Credentials donorUser) {
    return new CloneCommand(donor, donorUser);
  }

  /**
   * In order: a session sql_mode without {@code NO_BACKSLASH_ESCAPES}, because the literals are
   * backslash-escaped; the donor as the only valid donor (the recipient refuses any other); then
   * the clone itself. IPv6 donor addresses are not supported by CLONE: use a host name.
   */
  public List<String> statements() {
    return List.of(
        "SET SESSION sql_mode = ''",
        "SET GLOBAL clone_valid_donor_list = " + SqlQuoting.stringLiteral(donor.toString()),
        "CLONE INSTANCE FROM "
            + SqlQuoting.stringLiteral(donorUser.user())
            + "@"
            + SqlQuoting.stringLiteral(donor.host())
            + ":"
            + donor.port()
            + " IDENTIFIED BY "
            + SqlQuoting.stringLiteral(donorUser.password()));
  }

  /** For redacting server messages that quote the statement; never log it. */
  String password() {
    return donorUser.password();
  }

  @Override
  public String toString() {
    return "CloneCommand[from " + donorUser.user() + "@" + donor + "]";
  }
}
