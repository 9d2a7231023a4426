package dev.moco4j.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Whether the service should receive work, as {@code /readyz} reports it: not ready until its
 * verticle has started, not ready again from the moment it begins to stop, and not ready while any
 * check a verticle added (an informer not synced yet, the event bus not joined) says no.
 */
public final class ServiceReadiness {

  private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();
  private volatile boolean started;
  private volatile boolean stopping;

  /** Adds a check, named in {@code /readyz}'s answer when it fails; replaces one of that name. */
  public void require(String name, BooleanSupplier check) {
    checks.put(name, check);
  }

  void started() {
    started = true;
  }

  void stopping() {
    stopping = true;
  }

  /** Why the service is not ready, or empty when it is. */
  public Optional<String> notReadyReason() {
    if (stopping) {
      return Optional.of("stopping");
    }
    if (!started) {
      return Optional.of("starting");
    }
    return checks.entrySet().stream()
        .filter(check -> !passes(check.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .map(name -> "waiting for " + name);
  }

  public boolean isReady() {
    return notReadyReason().isEmpty();
  }

  private static boolean passes(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
