package dev.moco4j.service;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A verticle whose start can be made to fail, and that says when it starts and stops. */
final class TestVerticle extends VerticleBase {

  static final String MODE_ENV = "TEST_MODE";
  static final String MISSING_ENV = "TEST_REQUIRED_SETTING";

  private static final Logger LOG = LoggerFactory.getLogger(TestVerticle.class);

  enum Mode {
    RUN,
    FAIL_START;

    /** In mode "config" this reads a variable the test never sets. */
    static Mode fromEnv(EnvConfig env) {
      String mode = env.optional(MODE_ENV).orElse("run");
      if (mode.equals("config")) {
        env.required(MISSING_ENV, "anything");
      }
      return valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  private final Mode mode;
  volatile boolean started;
  volatile boolean stopped;

  TestVerticle(Mode mode) {
    this.mode = mode;
  }

  @Override
  public Future<?> start() {
    if (mode == Mode.FAIL_START) {
      return Future.failedFuture(new IllegalStateException("test verticle refused to start"));
    }
    // A JUL record, to show it reaches logback through the bridge.
    java.util.logging.Logger.getLogger("test.jul").info("jul reaches logback");
    started = true;
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    LOG.info("test verticle stopped");
    stopped = true;
    return Future.succeededFuture();
  }
}
