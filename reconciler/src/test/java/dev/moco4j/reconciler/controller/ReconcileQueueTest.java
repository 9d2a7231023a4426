package dev.moco4j.reconciler.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcileQueueTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ConcurrentHashMap<String, CompletableFuture<Void>> running =
      new ConcurrentHashMap<>();
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final AtomicInteger overlapping = new AtomicInteger();
  private final ReconcileQueue queue =
      new ReconcileQueue(
          key -> {
            started.add(key);
            CompletableFuture<Void> run = new CompletableFuture<>();
            if (running.putIfAbsent(key, run) != null) {
              overlapping.incrementAndGet();
            }
            return run;
          },
          executor,
          scheduler);

  @AfterEach
  void stop() {
    executor.shutdownNow();
    scheduler.shutdownNow();
  }

  private void finish(String key) {
    running.remove(key).complete(null);
  }

  @Test
  void requestsDuringARunCollapseIntoOneMoreRun() {
    queue.enqueue("ns/a");
    await().until(() -> running.containsKey("ns/a"));
    queue.enqueue("ns/a");
    queue.enqueue("ns/a");
    queue.enqueue("ns/a");

    finish("ns/a");
    await().until(() -> started.size() == 2 && running.containsKey("ns/a"));
    finish("ns/a");

    await().during(Duration.ofMillis(300)).until(() -> started.size() == 2);
    assertThat(overlapping).hasValue(0);
  }

  @Test
  void differentClustersRunSideBySide() {
    queue.enqueue("ns/a");
    queue.enqueue("ns/b");

    await().until(() -> running.containsKey("ns/a") && running.containsKey("ns/b"));
    finish("ns/a");
    finish("ns/b");
  }

  @Test
  void aClosedQueueStartsNothing() {
    queue.close();
    queue.enqueue("ns/a");

    await().during(Duration.ofMillis(300)).until(started::isEmpty);
  }
}
