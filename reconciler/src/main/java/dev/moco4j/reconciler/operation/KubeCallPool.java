package dev.moco4j.reconciler.operation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool on which the reconciler's fabric8 calls block. Sized, so a slow API server queues
 * work instead of growing threads; named, so a thread dump shows who waits for the API server.
 */
public final class KubeCallPool {

  public static final String THREAD_PREFIX = "moco4j-kube-";

  private KubeCallPool() {}

  public static ExecutorService create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("the pool needs at least one thread, got " + threads);
    }
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, THREAD_PREFIX + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(threads, factory);
  }
}
