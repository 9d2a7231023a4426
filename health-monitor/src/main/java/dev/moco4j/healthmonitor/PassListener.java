package dev.moco4j.healthmonitor;

import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.PassResult;
import java.time.Duration;

/**
 * Told about every pass of every cluster's loop, on that loop's thread: metrics and event-bus
 * snapshots. A listener must be quick and must not throw; the loop logs and ignores it if it does.
 */
public interface PassListener {

  PassListener NONE = new PassListener() {};

  /**
   * One pass of one cluster's loop.
   *
   * @param report the cluster's status as the pass left it
   * @param clusteringStopped whether the cluster is only observed (annotation or command)
   */
  record Pass(
      String namespace,
      String name,
      PassResult result,
      ClusterReport report,
      boolean clusteringStopped,
      Duration took) {}

  /** A pass ran. */
  default void passed(Pass pass) {}

  /** A pass could not run (the API server or a Secret could not be read, for example). */
  default void passFailed(String namespace, String name, Duration took) {}

  /** The cluster is gone (deleted, or the health-monitor is stopping): forget it. */
  default void removed(String namespace, String name) {}

  /** Tells each of {@code listeners}, in order. */
  static PassListener all(PassListener... listeners) {
    return new PassListener() {
      @Override
      public void passed(Pass pass) {
        for (PassListener l : listeners) {
          l.passed(pass);
        }
      }

      @Override
      public void passFailed(String namespace, String name, Duration took) {
        for (PassListener l : listeners) {
          l.passFailed(namespace, name, took);
        }
      }

      @Override
      public void removed(String namespace, String name) {
        for (PassListener l : listeners) {
          l.removed(namespace, name);
        }
      }
    };
  }
}
