package dev.moco4j.healthmonitor.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Records, while it runs, the order in which a cluster's pods were marked for deletion, and which
 * instance was the primary on record at that moment.
 */
final class PodDeletions implements AutoCloseable {

  /** Pod {@code index} was seen terminating while {@code primaryOnRecord} was the primary. */
  record Deletion(int index, int primaryOnRecord) {}

  private final Operator operator;
  private final List<Deletion> deletions = new CopyOnWriteArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Thread thread;
  private volatile boolean running = true;

  private PodDeletions(Operator operator) {
    this.operator = operator;
    this.thread = Thread.ofPlatform().daemon().name("pod-deletions").start(this::poll);
  }

  static PodDeletions record(Operator operator) {
    return new PodDeletions(operator);
  }

  private void poll() {
    while (running) {
      try {
        List<Pod> pods = operator.pods();
        // Read after the pods: a primary index that moved before a deletion seen here shows.
        int primary = operator.primaryIndex();
        for (Pod pod : pods) {
          String uid = pod.getMetadata().getUid();
          if (pod.getMetadata().getDeletionTimestamp() != null && seen.add(uid)) {
            String name = pod.getMetadata().getName();
            int index = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
            deletions.add(new Deletion(index, primary));
          }
        }
        TimeUnit.MILLISECONDS.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The API server was busy; the next poll sees the same pods.
      }
    }
  }

  List<Deletion> deletions() {
    return List.copyOf(deletions);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(TimeUnit.SECONDS.toMillis(10));
  }
}
