package dev.moco4j.clustering;

import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.seed.DonorKind;

/** Copies a donor's data into an empty instance so that it can replicate from there on. */
public interface Seeder {

  /**
   * @param donorKind the cluster's primary or replica, or an external server that must be neither
   *     locked nor have its replication paused
   */
  void seed(MySqlConnector donor, DonorKind donorKind, MySqlConnector recipient);
}
