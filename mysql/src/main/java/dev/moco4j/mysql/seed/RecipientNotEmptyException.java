package dev.moco4j.mysql.seed;

import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.gtid.GtidSet;

/**
 * A seeding was refused because the recipient already executed transactions: seeding replaces or
 * mixes data, and an instance with its own GTIDs may hold the only copy of something.
 */
public final class RecipientNotEmptyException extends RuntimeException {

  private final MySqlEndpoint recipient;
  private final GtidSet gtidExecuted;

  public RecipientNotEmptyException(MySqlEndpoint recipient, GtidSet gtidExecuted) {
    super(
        "refusing to seed "
            + recipient
            + ": it is not empty (gtid_executed = "
            + gtidExecuted
            + "); only an instance that never executed a transaction can be seeded");
    this.recipient = recipient;
    this.gtidExecuted = gtidExecuted;
  }

  public MySqlEndpoint recipient() {
    return recipient;
  }

  public GtidSet gtidExecuted() {
    return gtidExecuted;
  }
}
