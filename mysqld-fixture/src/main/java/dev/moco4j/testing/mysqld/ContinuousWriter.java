package dev.moco4j.testing.mysqld;

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
 * An application that inserts rows one by one into whatever instance is currently the primary, as a
 * client of the primary Service would, and remembers which inserts the server acknowledged. Used by
 * tests to check that nothing acknowledged is lost, and by benchmarks to time write outages.
 */
public final class ContinuousWriter implements AutoCloseable {

  /** One insert attempt: when it ended, on which instance, and whether it was acknowledged. */
  public record Attempt(long endNanos, int instance, int id, boolean acknowledged, int errorCode) {}

  /** ER_DUP_ENTRY. */
  private static final int DUPLICATE_KEY = 1062;

  /** Opens a connection to one instance (or to whatever a Service routes to). */
  @FunctionalInterface
  public interface Connector {
    Connection connect(int instance) throws SQLException;
  }

  private final Connector connector;
  private final IntSupplier primary;
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * Creates {@code app.writes} on the current primary and starts writing.
   *
   * @param primary tells, before every insert, which instance is the primary
   */
  public ContinuousWriter(MysqldCluster cluster, IntSupplier primary) throws SQLException {
    this(primary, instance -> cluster.instance(instance).connect());
  }

  /**
   * Creates {@code app.writes} and starts writing through {@code connector}; a client of a Service
   * passes a constant {@code primary} and a connector that ignores it, and reconnects only when a
   * write fails.
   */
  public ContinuousWriter(IntSupplier primary, Connector connector) throws SQLException {
    this.connector = connector;
    this.primary = primary;
    try (Connection connection = connector.connect(primary.getAsInt());
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS app");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS app.writes (id INT PRIMARY KEY, at TIMESTAMP(6) DEFAULT NOW(6))");
      // Another writer may have written before this one: continue after its last row.
      try (var rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM app.writes")) {
        rs.next();
        nextId.set(rs.getInt(1));
      }
    }
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
          connection = connector.connect(target);
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
        if (e.getErrorCode() == DUPLICATE_KEY) {
          // The row is there already: an earlier attempt committed but its acknowledgement was
          // lost (the server died before answering) and the row reached the new primary. It stays
          // unacknowledged; retrying the same id would fail for ever.
          nextId.incrementAndGet();
          continue;
        }
        closeQuietly(connection);
        connection = null;
        // A refused write is retried with the same id; pace retries like a real client's backoff.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
    closeQuietly(connection);
  }

  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  public List<Integer> acknowledgedIds() {
    return attempts.stream().filter(Attempt::acknowledged).map(Attempt::id).toList();
  }

  public long acknowledgedOn(int instance) {
    return attempts.stream().filter(a -> a.acknowledged() && a.instance() == instance).count();
  }

  public boolean refusedOn(int instance) {
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

  /** Stops writing and waits for the last attempt to end. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
