package dev.moco4j.clustering;

import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** Runs the engine against real mysqld instances and gives tests short ways to look at them. */
final class ClusterHarness implements AutoCloseable {

  static final Credentials ADMIN = new Credentials("root", "");
  static final Credentials REPLICATION = new Credentials("repl", "repl-secret");

  /** Fast detection, so that tests (and the benchmark) do not wait for production defaults. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  static final Duration DOWN_AFTER = Duration.ofSeconds(2);

  /** Instances set up as moco4j pods are: read-only at start, operator accounts present. */
  static MysqldCluster.Builder mysqlds(int instances) {
    return MysqldCluster.withInstances(instances)
        .option("super_read_only", "ON")
        .initStatements(
            "CREATE USER 'repl'@'%' IDENTIFIED BY 'repl-secret'",
            "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'repl'@'%'");
  }

  final MysqldCluster mysqld;
  final InMemoryStatusStore store;
  final RecordingEvents events = new RecordingEvents();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ClusterDefinition definition;
  private final EngineSettings settings;
  private final Seeder seeder;
  private final AtomicReference<ClusteringEngine> engine = new AtomicReference<>();

  ClusterHarness(MysqldCluster mysqld, Seeder seeder) {
    this(mysqld, seeder, definition(mysqld), settings());
  }

  ClusterHarness(MysqldCluster mysqld, Seeder seeder, EngineSettings settings) {
    this(mysqld, seeder, definition(mysqld), settings);
  }

  ClusterHarness(MysqldCluster mysqld, Seeder seeder, ClusterDefinition definition) {
    this(mysqld, seeder, definition, settings());
  }

  private ClusterHarness(
      MysqldCluster mysqld, Seeder seeder, ClusterDefinition definition, EngineSettings settings) {
    this.mysqld = mysqld;
    this.seeder = seeder;
    this.definition = definition;
    this.settings = settings;
    this.store = new InMemoryStatusStore(0);
    restartEngine();
  }

  static ClusterDefinition definition(MysqldCluster mysqld) {
    List<MySqlEndpoint> endpoints = new ArrayList<>();
    for (MysqldInstance instance : mysqld.instances()) {
      endpoints.add(new MySqlEndpoint(instance.host(), instance.port()));
    }
    return ClusterDefinition.of("test", "cluster", endpoints);
  }

  static EngineSettings settings() {
    return EngineSettings.defaults(ADMIN, REPLICATION)
        .withDetection(CONNECT_TIMEOUT, READ_TIMEOUT, DOWN_AFTER);
  }

  /**
   * Replaces the engine with a fresh one, as a restarted health-monitor would start; the old one's
   * background jobs stop, as they would die with its process.
   */
  void restartEngine() {
    ClusteringEngine previous =
        engine.getAndSet(
            new ClusteringEngine(
                definition, settings, store, events, seeder, Clock.systemUTC(), executor));
    if (previous != null) {
      previous.close();
    }
  }

  ClusteringEngine engine() {
    return engine.get();
  }

  PassResult pass() {
    return engine().runOnce(PassInputs.NONE);
  }

  PassResult pass(PassInputs inputs) {
    return engine().runOnce(inputs);
  }

  /** Runs passes until the cluster reaches {@code state}. */
  void awaitState(ClusterState state, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> pass().decision().state() == state);
  }

  int primary() {
    return store.read().currentPrimaryIndex();
  }

  MysqldInstance instance(int index) {
    return mysqld.instance(index);
  }

  void execute(int index, String... statements) throws SQLException {
    try (Connection connection = mysqld.instance(index).connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  String query(int index, String sql) throws SQLException {
    try (Connection connection = mysqld.instance(index).connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /**
   * Runs passes until one satisfies {@code condition} and returns it; on timeout the failure names
   * the last decision, so a stuck scenario says where it stuck.
   */
  PassResult awaitPass(Predicate<PassResult> condition, Duration atMost) {
    AtomicReference<PassResult> last = new AtomicReference<>();
    try {
      await()
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                PassResult result = pass();
                last.set(result);
                return condition.test(result);
              });
    } catch (ConditionTimeoutException e) {
      PassResult seen = last.get();
      throw new AssertionError(
          "no pass matched within "
              + atMost
              + "; last: "
              + (seen == null ? "none" : seen.decision() + " failures " + seen.failures()),
          e);
    }
    return last.get();
  }

  /** A connection to one instance as the engine makes it: its account, its short timeouts. */
  MySqlConnector connector(int index) {
    MysqldInstance instance = mysqld.instance(index);
    return new MySqlConnector(
        new MySqlEndpoint(instance.host(), instance.port()),
        new ConnectionSettings(ADMIN, CONNECT_TIMEOUT, READ_TIMEOUT));
  }

  MySqlEndpoint endpoint(int index) {
    return connector(index).endpoint();
  }

  /** The facts the engine reads about an instance (GTID sets, read-only flags, replica status). */
  InstanceFacts facts(int index) {
    return new InstanceFactsQuery(connector(index)).read();
  }

  /**
   * The instances that answer and accept writes ({@code super_read_only = OFF}): at the end of
   * every scenario exactly the recorded primary, never two.
   */
  SortedSet<Integer> writable() {
    SortedSet<Integer> writable = new TreeSet<>();
    for (int i = 0; i < mysqld.size(); i++) {
      if (!mysqld.instance(i).isRunning()) {
        continue;
      }
      try {
        if (!facts(i).superReadOnly()) {
          writable.add(i);
        }
      } catch (MySqlException unreachable) {
        // Down or frozen: it takes no writes either.
      }
    }
    return writable;
  }

  /**
   * Gives the primary a table with rows whose binary logs are purged, so that an empty instance can
   * only join through a seed, then one more row that replicas receive by replication.
   */
  void purgedHistory(int primary) throws SQLException {
    execute(
        primary,
        "CREATE DATABASE inventory",
        "CREATE TABLE inventory.items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(10,2))",
        "INSERT INTO inventory.items VALUES (1, 'bolt', 0.25), (2, 'nut', 0.10), (3, 'gear', 7.50)",
        "CREATE USER 'shop'@'%' IDENTIFIED BY 'shop-secret'",
        "GRANT SELECT ON inventory.* TO 'shop'@'%'");
    awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    execute(primary, "FLUSH BINARY LOGS");
    execute(primary, "PURGE BINARY LOGS BEFORE NOW() + INTERVAL 1 DAY");
    execute(primary, "INSERT INTO inventory.items VALUES (4, 'spring', 0.40)");
  }

  @Override
  public void close() {
    engine.get().close();
    executor.shutdownNow();
  }
}
