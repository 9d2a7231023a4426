package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.seed.DonorKind;
import dev.moco4j.mysql.seed.RecipientNotEmptyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds an empty instance with a logical copy of a donor, for servers without the clone plugin;
 * afterwards the recipient replicates from the donor's snapshot on with GTID auto-positioning.
 *
 * <p>Copied: user schemas (with their charset and collation), base tables and rows, views, stored
 * procedures and functions, triggers, application accounts and grants. Not copied: events (replicas
 * must not run them; the scheduler's state is a promotion concern), non-InnoDB tables' consistency
 * (only InnoDB is read through the snapshot, as with mysqldump --single-transaction), and DDL run
 * on the donor during the copy (the copy then fails and is re-run).
 *
 * <p>Safe to re-run after a crash: the recipient's gtid_executed stays empty until the very last
 * statement sets gtid_purged, and a recipient that is empty by GTIDs is wiped of user schemas and
 * accounts before loading. A recipient with any GTID is refused untouched.
 */
public final class LogicalCopy {

  private static final Logger LOG = LoggerFactory.getLogger(LogicalCopy.class);

  /** One INSERT carries about this much; well under the default 64 MiB max_allowed_packet. */
  static final int MAX_STATEMENT_BYTES = 1 << 20;

  /** Bounds each statement of the copy; a long table is many statements and reads. */
  static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(10);

  private LogicalCopy() {}

  /**
   * Copies the donor's data into the recipient.
   *
   * @param donorKind how the snapshot may be taken: a brief FLUSH TABLES WITH READ LOCK on the
   *     cluster's primary, a paused applier on its replica, neither on an external server
   * @param operatorUsers account names each instance creates for itself; neither copied nor dropped
   * @throws RecipientNotEmptyException when the recipient has executed any transaction
   */
  public static CopyResult copy(
      MySqlConnector donor,
      DonorKind donorKind,
      MySqlConnector recipient,
      Set<String> operatorUsers) {
    Instant start = Instant.now();
    LOG.info("{} -> {}: logical copy starting", donor.endpoint(), recipient.endpoint());
    // The recipient is checked (and cleaned) before the donor is touched.
    try (RecipientSession target =
            RecipientSession.open(recipient, operatorUsers, STATEMENT_TIMEOUT);
        DonorSnapshot source = DonorSnapshot.open(donor, donorKind, STATEMENT_TIMEOUT)) {
      SchemaCopier.Inventory inventory = SchemaCopier.inventory(source);
      inventory.schemas().forEach(schema -> SchemaCopier.createSchema(source, target, schema));
      RowCopier rows = new RowCopier(MAX_STATEMENT_BYTES);
      long rowCount = 0;
      long bytes = 0;
      for (TableRef table : inventory.tables()) {
        SchemaCopier.createTable(source, target, table);
        RowCopier.Copied copied = rows.copy(source, target, table);
        rowCount += copied.rows();
        bytes += copied.bytes();
      }
      ViewCopier.copy(source, target, inventory.views());
      int programs = StoredProgramCopier.copyRoutines(source, target);
      programs += StoredProgramCopier.copyTriggers(source, target);
      int accounts = UserCopier.copy(source, target, operatorUsers);
      target.markComplete(source.gtids());
      CopyResult result =
          new CopyResult(
              source.gtids(),
              inventory.schemas(),
              inventory.tables().size(),
              inventory.views().size(),
              programs,
              accounts,
              rowCount,
              bytes,
              Duration.between(start, Instant.now()));
      LOG.info(
          "{} -> {}: logical copy complete: {}", donor.endpoint(), recipient.endpoint(), result);
      return result;
    }
  }
}
