package dev.moco4j.local.process;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls a readiness check, failing fast with the process log when the process has died. */
public final class Waits {

  private static final Duration POLL = Duration.ofMillis(250);

  private Waits() {}

  public static void untilReady(ChildProcess process, Duration timeout, BooleanSupplier ready) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            process.name()
                + " exited with code "
                + process.exitCode()
                + " before it was ready; log "
                + process.log()
                + ":\n"
                + process.logTail(30));
      }
      if (safely(ready)) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            process.name()
                + " was not ready within "
                + timeout
                + "; log "
                + process.log()
                + ":\n"
                + process.logTail(30));
      }
      sleep(POLL);
    }
  }

  private static boolean safely(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Sleeps, restoring the interrupt flag instead of throwing a checked exception. */
  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
