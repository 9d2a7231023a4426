package dev.moco4j.clustering;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A status store held in memory, with the same compare-and-swap contract as the Kubernetes one; for
 * tests, benchmarks and local runs of the engine without a control plane.
 */
public final class InMemoryStatusStore implements StatusStore {

  private final AtomicReference<StoredStatus> status;
  private final AtomicReference<ClusterReport> lastReport = new AtomicReference<>();

  public InMemoryStatusStore(int initialPrimary) {
    this.status = new AtomicReference<>(new StoredStatus(initialPrimary, Set.of(), false, "1"));
  }

  @Override
  public StoredStatus read() {
    return status.get();
  }

  @Override
  public boolean swapPrimary(StoredStatus expected, int newPrimary, Set<Integer> errant) {
    StoredStatus current = status.get();
    if (!current.version().equals(expected.version())) {
      return false;
    }
    return status.compareAndSet(
        current, new StoredStatus(newPrimary, errant, current.cloned(), next(current)));
  }

  @Override
  public void report(ClusterReport report) {
    lastReport.set(report);
    status.updateAndGet(
        s ->
            s.errant().equals(report.errant())
                ? s
                : new StoredStatus(s.currentPrimaryIndex(), report.errant(), s.cloned(), next(s)));
  }

  @Override
  public void markCloned() {
    status.updateAndGet(s -> new StoredStatus(s.currentPrimaryIndex(), s.errant(), true, next(s)));
  }

  /** The last reported pass, or null before the first. */
  public ClusterReport lastReport() {
    return lastReport.get();
  }

  private static String next(StoredStatus s) {
    return Long.toString(Long.parseLong(s.version()) + 1);
  }
}
