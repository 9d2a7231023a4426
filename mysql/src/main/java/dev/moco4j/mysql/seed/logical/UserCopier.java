package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.SqlQuoting;
import java.util.List;
import java.util.Set;

/**
 * Copies application accounts and their grants. They must be copied rather than replicated: the
 * CREATE USER that made them may sit in binlogs the donor has purged.
 */
final class UserCopier {

  private record Account(String name, String create, List<String> grants) {}

  private UserCopier() {}

  /**
   * Copies every account except the server's own, root and {@code operatorUsers} (each instance
   * creates those at initialization). Runs last, since table and routine grants need their objects.
   *
   * @return the number of accounts (roles included) copied
   */
  static int copy(DonorSnapshot donor, RecipientSession recipient, Set<String> operatorUsers) {
    List<Account> accounts =
        donor
            .query(
                "listing accounts",
                "SELECT User, Host FROM mysql.user ORDER BY User, Host",
                rs -> new String[] {rs.getString(1), rs.getString(2)})
            .stream()
            .filter(a -> !SystemNames.USERS.contains(a[0]) && !operatorUsers.contains(a[0]))
            .map(a -> read(donor, SqlQuoting.account(a[0], a[1])))
            .toList();
    // The donor session prints password hashes as hex (print_identified_with_as_hex): the
    // caching_sha2_password hash holds bytes that would not survive a trip through a String.
    // An account whose DEFAULT ROLE is a role not yet created fails until that role exists.
    UntilNoProgress.run(
        accounts,
        account -> {
          recipient.execute(
              "dropping account " + account.name(), "DROP USER IF EXISTS " + account.name());
          recipient.execute("creating account " + account.name(), account.create());
        });
    for (Account account : accounts) {
      for (String grant : account.grants()) {
        recipient.execute("granting to " + account.name(), grant);
      }
    }
    return accounts.size();
  }

  private static Account read(DonorSnapshot donor, String account) {
    String create =
        donor
            .query(
                "reading account " + account, "SHOW CREATE USER " + account, rs -> rs.getString(1))
            .getFirst();
    List<String> grants =
        donor.query(
            "reading grants of " + account, "SHOW GRANTS FOR " + account, rs -> rs.getString(1));
    return new Account(account, create, grants);
  }
}
