package dev.moco4j.clustering;

import java.time.Duration;
import java.util.Set;

/** Seeders for tests: the product's own, or one for tests that never need a copy. */
final class Seeders {

  private Seeders() {}

  /**
   * The product's seeder as the engine builds it. The test mysqld has no clone plugin, so it makes
   * a logical copy; the accounts every test instance creates for itself are never copied.
   */
  static Seeder mysql() {
    return new MySqlSeeder(ClusterHarness.ADMIN, Set.of("root", "repl"), Duration.ofMinutes(5));
  }

  static Seeder unavailable() {
    return (donor, donorKind, recipient) -> {
      throw new AssertionError("this test expected no seeding of " + recipient.endpoint());
    };
  }
}
