package dev.moco4j.reconciler.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work of a key (a cluster's namespace/name) never twice at once. Requests that arrive
 * while it runs collapse into one more run after it, so a burst of events costs one reconcile.
 */
public final class ReconcileQueue {

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileQueue.class);

  private final Function<String, CompletionStage<?>> work;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Boolean> runningWithPending = new HashMap<>();
  private boolean closed;

  /**
   * @param work what to do for a key; its result is only waited for
   * @param executor where work starts
   * @param scheduler for delayed requests
   */
  public ReconcileQueue(
      Function<String, CompletionStage<?>> work,
      Executor executor,
      ScheduledExecutorService scheduler) {
    this.work = work;
    this.executor = executor;
    this.scheduler = scheduler;
  }

  public void enqueue(String key) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (runningWithPending.containsKey(key)) {
        runningWithPending.put(key, true);
        return;
      }
      runningWithPending.put(key, false);
    }
    start(key);
  }

  public void enqueueAfter(String key, Duration delay) {
    scheduler.schedule(() -> enqueue(key), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** No new work starts; running work finishes. */
  public synchronized void close() {
    closed = true;
  }

  private void start(String key) {
    CompletableFuture.supplyAsync(() -> work.apply(key), executor)
        .thenCompose(Function.identity())
        .whenComplete(
            (result, failure) -> {
              if (failure != null) {
                LOG.warn("cluster={}: reconcile failed", key, failure);
              }
              finished(key);
            });
  }

  private void finished(String key) {
    synchronized (this) {
      if (closed || !Boolean.TRUE.equals(runningWithPending.get(key))) {
        runningWithPending.remove(key);
        return;
      }
      runningWithPending.put(key, false);
    }
    start(key);
  }
}
