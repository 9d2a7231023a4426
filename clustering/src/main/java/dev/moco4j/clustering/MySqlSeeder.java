package dev.moco4j.clustering;

import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.seed.DonorKind;
import dev.moco4j.mysql.seed.clone.CloneCommand;
import dev.moco4j.mysql.seed.clone.CloneOperation;
import dev.moco4j.mysql.seed.clone.CloneOutcome;
import dev.moco4j.mysql.seed.clone.CloneSeeding;
import dev.moco4j.mysql.seed.clone.CloneStatus;
import dev.moco4j.mysql.seed.clone.CloneVerdict;
import dev.moco4j.mysql.seed.logical.CopyResult;
import dev.moco4j.mysql.seed.logical.LogicalCopy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds with CLONE INSTANCE when both sides have the clone plugin (a physical copy, fastest),
 * otherwise with a logical copy, so that the product works on a MySQL without the plugin too.
 */
public final class MySqlSeeder implements Seeder {

  private static final Logger LOG = LoggerFactory.getLogger(MySqlSeeder.class);

  private final Credentials cloneDonorAccount;
  private final Set<String> operatorUsers;
  private final Duration cloneTimeout;

  /**
   * @param cloneDonorAccount the account the recipient uses to read from the donor (needs
   *     BACKUP_ADMIN on the donor)
   * @param operatorUsers accounts each instance creates for itself: never copied nor dropped
   */
  public MySqlSeeder(
      Credentials cloneDonorAccount, Set<String> operatorUsers, Duration cloneTimeout) {
    this.cloneDonorAccount = cloneDonorAccount;
    this.operatorUsers = Set.copyOf(operatorUsers);
    this.cloneTimeout = cloneTimeout;
  }

  @Override
  public void seed(MySqlConnector donor, DonorKind donorKind, MySqlConnector recipient) {
    var donorFacts = new InstanceFactsQuery(donor).read();
    var recipientFacts = new InstanceFactsQuery(recipient).read();
    if (CloneSeeding.isAvailable(donorFacts, recipientFacts)) {
      cloneFrom(donor, recipient);
      return;
    }
    CopyResult result = LogicalCopy.copy(donor, donorKind, recipient, operatorUsers);
    LOG.info(
        "{} seeded from {} by a logical copy: {}", recipient.endpoint(), donor.endpoint(), result);
  }

  /**
   * Returns only when the recipient's clone_status says Completed: the statement's dropped
   * connection is what a success looks like, but also what a crash looks like.
   */
  private void cloneFrom(MySqlConnector donor, MySqlConnector recipient) {
    CloneOperation clone = new CloneOperation(recipient);
    CloneOutcome outcome =
        clone.cloneFrom(CloneCommand.from(donor.endpoint(), cloneDonorAccount), cloneTimeout);
    if (outcome == CloneOutcome.RESTART_REQUIRED) {
      throw new MySqlException(
          recipient.endpoint(),
          "cloning from " + donor.endpoint() + " (mysqld must be restarted to finish)",
          new SQLException("clone finished; restart required", "HY000", 3707));
    }
    Optional<CloneStatus> status = clone.awaitFinished(cloneTimeout);
    Optional<String> failure = CloneVerdict.failure(status);
    if (failure.isPresent()) {
      throw new MySqlException(
          recipient.endpoint(),
          "cloning from " + donor.endpoint(),
          new SQLException(failure.get(), "HY000", status.map(CloneStatus::errorNumber).orElse(0)));
    }
    LOG.info("{} cloned from {}: {}", recipient.endpoint(), donor.endpoint(), status.get());
  }
}
