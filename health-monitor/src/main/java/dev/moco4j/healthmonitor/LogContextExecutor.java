package dev.moco4j.healthmonitor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * A view of a shared executor that runs each task with the log context of the thread that submitted
 * it, so the engine's parallel reads log with their cluster's name. Shutting the view down leaves
 * the shared executor running: its owner stops it.
 */
final class LogContextExecutor extends AbstractExecutorService {

  private final Executor delegate;
  private volatile boolean shutdown;

  LogContextExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    delegate.execute(
        () -> {
          if (context != null) {
            MDC.setContextMap(context);
          }
          try {
            task.run();
          } finally {
            MDC.clear();
          }
        });
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }
}
