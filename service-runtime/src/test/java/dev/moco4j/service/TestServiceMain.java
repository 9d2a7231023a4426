package dev.moco4j.service;

import java.time.Duration;

/** A service {@code Main} written as the real ones are, run as a child JVM by tests. */
public final class TestServiceMain {

  static final String SERVICE = "test-service";

  private TestServiceMain() {}

  public static void main(String[] args) {
    ServiceLauncher.forService(SERVICE)
        .withShutdownTimeout(Duration.ofSeconds(5))
        .launch(env -> new TestVerticle(TestVerticle.Mode.fromEnv(EnvConfig.of(env))));
  }
}
