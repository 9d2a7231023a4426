package dev.moco4j.healthmonitor.kube;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The one named, sized pool on which the health-monitor calls the Kubernetes API, so that many
 * clusters' loops cannot flood the API server; the caller's log context travels with each call.
 */
public final class KubeCalls implements AutoCloseable {

  private final ExecutorService pool;

  private KubeCalls(ExecutorService pool) {
    this.pool = pool;
  }

  public static KubeCalls withThreads(int threads) {
    AtomicInteger counter = new AtomicInteger();
    return new KubeCalls(
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "kube-call-" + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            }));
  }

  /** Runs {@code call} on the pool and waits for it; its exceptions reach the caller unchanged. */
  public <T> T call(Supplier<T> call) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    Future<T> result =
        pool.submit(
            () -> {
              if (context != null) {
                MDC.setContextMap(context);
              }
              try {
                return call.get();
              } finally {
                MDC.clear();
              }
            });
    try {
      return result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the Kubernetes API", e);
    }
  }

  /** Runs {@code call} on the pool and waits for it. */
  public void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }

  /** The pool, for starting work that must not run on a caller's thread (e.g. an event loop). */
  public ExecutorService executor() {
    return pool;
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
