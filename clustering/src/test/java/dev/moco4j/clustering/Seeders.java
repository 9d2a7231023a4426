package dev.moco4j.clustering;

/** Seeders for tests that never need a copy. */
final class Seeders {

  private Seeders() {}

  static Seeder unavailable() {
    return (donor, donorKind, recipient) -> {
      throw new AssertionError("this test expected no seeding of " + recipient.endpoint());
    };
  }
}
