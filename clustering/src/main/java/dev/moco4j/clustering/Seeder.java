package dev.moco4j.clustering;

import dev.moco4j.mysql.MySqlConnector;

/** Copies a donor's data into an empty instance so that it can replicate from there on. */
public interface Seeder {

  /**
   * @param donorIsReplica the donor is a replica: it can pause applying instead of locking writes
   */
  void seed(MySqlConnector donor, boolean donorIsReplica, MySqlConnector recipient);
}
