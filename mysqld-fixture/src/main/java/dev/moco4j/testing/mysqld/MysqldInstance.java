package dev.moco4j.testing.mysqld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One real, throw-away mysqld process with its own data directory and loopback address.
 *
 * <p>The data directory survives {@link #stop()}, {@link #kill()} and {@link #restart()}, so a test
 * can crash an instance and bring it back with its data, as a pod restart would.
 */
public final class MysqldInstance {

  public static final int PORT = 3306;
  public static final String USER = "root";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Path dir;
  private LoopbackAddresses.Lease lease;
  private final Map<String, String> options;
  private final List<String> initStatements;
  private Process process;
  private boolean paused;

  MysqldInstance(
      String name,
      Path dir,
      int serverId,
      Map<String, String> extraOptions,
      List<String> initStatements) {
    this.name = name;
    this.initStatements = List.copyOf(initStatements);
    this.dir = dir;
    this.lease = LoopbackAddresses.lease(PORT);
    this.options = new LinkedHashMap<>(defaultOptions(serverId));
    this.options.putAll(extraOptions);
  }

  private Map<String, String> defaultOptions(int serverId) {
    MysqldDistribution distribution = MysqldDistribution.get();
    Map<String, String> o = new LinkedHashMap<>();
    o.put("user", System.getProperty("user.name"));
    o.put("basedir", distribution.baseDir().toString());
    o.put("datadir", dataDir().toString());
    o.put("tmpdir", dir.resolve("tmp").toString());
    o.put("bind_address", host());
    o.put("port", Integer.toString(PORT));
    o.put("socket", dir.resolve("mysqld.sock").toString());
    o.put("pid_file", dir.resolve("mysqld.pid").toString());
    o.put("log_error", errorLog().toString());
    o.put("mysqlx", "OFF");
    o.put("skip_name_resolve", "ON");
    o.put("server_id", Integer.toString(serverId));
    o.put("report_host", host());
    o.put("report_port", Integer.toString(PORT));
    o.put("gtid_mode", "ON");
    o.put("enforce_gtid_consistency", "ON");
    o.put("log_bin", "binlog");
    o.put("binlog_format", "ROW");
    // Like a moco4j pod: replication starts only when the clustering logic says so.
    o.put("skip_replica_start", "ON");
    // Keep each instance near 200 MB resident so 5 of them fit beside the build on a small machine.
    o.put("performance_schema", "OFF");
    o.put("innodb_buffer_pool_size", "64M");
    o.put("innodb_redo_log_capacity", "32M");
    return o;
  }

  public String name() {
    return name;
  }

  /** The loopback address this instance listens on, e.g. {@code 127.0.37.21}. */
  public String host() {
    return lease.address();
  }

  public int port() {
    return PORT;
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  public Path errorLog() {
    return dir.resolve("mysqld.err");
  }

  /** A JDBC URL for this instance with bounded connect and read timeouts. */
  public String jdbcUrl() {
    return "jdbc:mysql://"
        + host()
        + ":"
        + PORT
        + "/?connectTimeout=5000&socketTimeout=120000&sslMode=PREFERRED&allowPublicKeyRetrieval=true";
  }

  /** Opens a connection as the all-privileged test user. */
  public Connection connect() throws SQLException {
    return connect(jdbcUrl());
  }

  private static Connection connect(String url) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", USER);
    credentials.setProperty("password", "");
    // The driver directly, not DriverManager: it works in any class loader (e.g. exec:java).
    return new com.mysql.cj.jdbc.Driver().connect(url, credentials);
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException(name + " was never started");
    }
    return process.pid();
  }

  /** Starts mysqld on the existing data directory and waits until it accepts connections. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    boolean fresh = !Files.exists(dataDir());
    if (fresh) {
      try {
        copyTemplate();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy the template data directory for " + name, e);
      }
    }
    for (int attempt = 1; ; attempt++) {
      launch();
      try {
        awaitAcceptingConnections();
        break;
      } catch (AddressTakenException e) {
        // Someone outside the lease scheme holds the address. Before the first start nobody has
        // seen this instance's address yet, so it can still move to another one.
        if (!fresh || attempt == 5) {
          throw new IllegalStateException(name + ": " + e.getMessage() + "\n" + logTail(), e);
        }
        relocate();
      }
    }
    if (fresh) {
      runInitStatements();
    }
  }

  private void launch() {
    try {
      Files.createDirectories(dir.resolve("tmp"));
      Path cnf = dir.resolve("my.cnf");
      Files.writeString(cnf, myCnf());
      process =
          new ProcessBuilder(MysqldDistribution.get().mysqld().toString(), "--defaults-file=" + cnf)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
              .start();
      paused = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  private void relocate() {
    LoopbackAddresses.Lease taken = lease;
    lease = LoopbackAddresses.lease(PORT);
    taken.close();
    options.put("bind_address", host());
    options.put("report_host", host());
  }

  /** mysqld could not bind its address: another process listens there. */
  private static final class AddressTakenException extends RuntimeException {
    AddressTakenException(String message) {
      super(message);
    }
  }

  /**
   * Runs the init statements once, on a fresh data directory, the way an init container would:
   * without writing them to the binary log, so {@code gtid_executed} stays empty, and regardless of
   * {@code super_read_only}.
   */
  private void runInitStatements() {
    if (initStatements.isEmpty()) {
      return;
    }
    try (Connection connection = connect();
        var statement = connection.createStatement()) {
      statement.execute("SET SESSION sql_log_bin = 0");
      statement.execute("SET @fixture_super_read_only = @@global.super_read_only");
      statement.execute("SET GLOBAL super_read_only = OFF");
      for (String sql : initStatements) {
        statement.execute(sql);
      }
      statement.execute("SET GLOBAL super_read_only = @fixture_super_read_only");
    } catch (SQLException e) {
      throw new IllegalStateException(name + ": init statements failed: " + e.getMessage(), e);
    }
  }

  /** Shuts mysqld down cleanly (SIGTERM) and waits for it to exit. */
  public synchronized void stop() {
    if (!isRunning()) {
      return;
    }
    resume();
    Processes.signal(process.pid(), "TERM");
    if (!waitForExit(STOP_TIMEOUT)) {
      kill();
    }
  }

  /** Kills mysqld without letting it shut down (SIGKILL), as a node or process crash would. */
  public synchronized void kill() {
    if (!isRunning()) {
      return;
    }
    Processes.signal(process.pid(), "KILL");
    waitForExit(STOP_TIMEOUT);
    paused = false;
  }

  /** Freezes mysqld (SIGSTOP): it keeps its sockets open but answers nothing, like a hung host. */
  public synchronized void pause() {
    if (isRunning() && !paused) {
      Processes.signal(process.pid(), "STOP");
      paused = true;
    }
  }

  /** Lets a paused mysqld run again (SIGCONT). */
  public synchronized void resume() {
    if (isRunning() && paused) {
      Processes.signal(process.pid(), "CONT");
      paused = false;
    }
  }

  /**
   * Throws the data away and starts again from an empty data directory, as re-creating a pod with a
   * new volume would.
   */
  public synchronized void reinitialize() {
    stop();
    try {
      MysqldDistribution.deleteRecursively(dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  /** Stops and starts mysqld again, keeping its data. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** Stops mysqld, deletes its files and frees its address. */
  synchronized void destroy() {
    try {
      stop();
    } finally {
      lease.close();
      try {
        MysqldDistribution.deleteRecursively(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private String myCnf() {
    return options.entrySet().stream()
        .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + " = " + e.getValue())
        .collect(Collectors.joining("\n", "[mysqld]\n", "\n"));
  }

  private void copyTemplate() throws IOException {
    Path template = MysqldDistribution.get().templateDataDir();
    try (var paths = Files.walk(template)) {
      for (Path source : paths.toList()) {
        Path target = dataDir().resolve(template.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void awaitAcceptingConnections() {
    // mysqld opens its TCP port only when it is ready for connections. A listener on the address
    // is not proof enough, though: a server left behind by a dead test JVM may still be there for
    // a moment, so readiness means this instance's own data directory answers.
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        String log = logTail();
        if (log.contains("Address already in use")) {
          throw new AddressTakenException(host() + ":" + PORT + " is taken by another process");
        }
        throw new IllegalStateException(
            name + " exited with code " + process.exitValue() + " while starting:\n" + log);
      }
      if (listening() && servesOwnDataDir()) {
        return;
      }
      sleepBriefly();
    }
    kill();
    throw new IllegalStateException(
        name + " did not accept connections within " + START_TIMEOUT + ":\n" + logTail());
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), PORT), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private boolean servesOwnDataDir() {
    // Short timeouts: a frozen server left behind must not stall the start for minutes.
    String url = "jdbc:mysql://" + host() + ":" + PORT + "/?connectTimeout=2000&socketTimeout=2000";
    try (Connection connection = connect(url);
        var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT @@datadir")) {
      rs.next();
      return Path.of(rs.getString(1)).normalize().equals(dataDir().normalize());
    } catch (SQLException notReadyOrNotOurs) {
      return false;
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for mysqld", e);
    }
  }

  /** The last lines of the error log, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(errorLog());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no error log: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return name + "@" + host() + ":" + PORT;
  }
}
