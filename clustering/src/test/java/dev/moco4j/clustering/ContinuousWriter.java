package dev.moco4j.clustering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * An application that inserts rows one by one into whatever instance is the recorded primary, as a
 * client of the primary Service would, and remembers which inserts the server acknowledged.
 */
final class ContinuousWriter implements AutoCloseable {

  /** One insert attempt: when it ended, on which instance, and whether it was acknowledged. */
  record Attempt(long endNanos, int instance, int id, boolean acknowledged, int errorCode) {}

  private final ClusterHarness cluster;
  private final IntSupplier primary;
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Thread thread;
  private volatile boolean running = true;

  ContinuousWriter(ClusterHarness cluster) throws SQLException {
    this.cluster = cluster;
    this.primary = cluster::primary;
    cluster.execute(
        cluster.primary(),
        "CREATE DATABASE IF NOT EXISTS app",
        "CREATE TABLE IF NOT EXISTS app.writes (id INT PRIMARY KEY, at TIMESTAMP(6) DEFAULT NOW(6))");
    thread = Thread.ofPlatform().name("continuous-writer").start(this::loop);
  }

  private void loop() {
    Connection connection = null;
    int connectedTo = -1;
    while (running) {
      int target = primary.getAsInt();
      int id = nextId.get();
      try {
        if (connection == null || connectedTo != target) {
          closeQuietly(connection);
          connection = cluster.instance(target).connect();
          connection.setNetworkTimeout(Runnable::run, 3000);
          connectedTo = target;
        }
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO app.writes (id) VALUES (?)")) {
          insert.setInt(1, id);
          insert.executeUpdate();
        }
        attempts.add(new Attempt(System.nanoTime(), target, id, true, 0));
        nextId.incrementAndGet();
      } catch (SQLException e) {
        attempts.add(new Attempt(System.nanoTime(), target, id, false, e.getErrorCode()));
        closeQuietly(connection);
        connection = null;
        // A refused write is retried with the same id; pace retries like a real client's backoff.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
    closeQuietly(connection);
  }

  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  List<Integer> acknowledgedIds() {
    return attempts.stream().filter(Attempt::acknowledged).map(Attempt::id).toList();
  }

  long acknowledgedOn(int instance) {
    return attempts.stream().filter(a -> a.acknowledged() && a.instance() == instance).count();
  }

  boolean refusedOn(int instance) {
    return attempts.stream().anyMatch(a -> !a.acknowledged() && a.instance() == instance);
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The connection is being replaced; its failure was already recorded.
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
