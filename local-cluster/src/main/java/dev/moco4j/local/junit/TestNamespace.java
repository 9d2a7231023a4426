package dev.moco4j.local.junit;

/** The namespace a test runs in, created before and deleted after it. */
public record TestNamespace(String name) {

  /** A DNS-1123 label from the test's name plus a random suffix. */
  static TestNamespace forTest(String testName) {
    String base = testName.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.length() > 50) {
      base = base.substring(0, 50).replaceAll("-+$", "");
    }
    String suffix = Long.toString(Math.abs(System.nanoTime()) % 1_000_000, 36);
    return new TestNamespace((base.isEmpty() ? "test" : base) + "-" + suffix);
  }
}
