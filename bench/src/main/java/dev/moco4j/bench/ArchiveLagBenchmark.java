package dev.moco4j.bench;

import dev.moco4j.backup.binlog.BinlogArchiver;
import dev.moco4j.backup.binlog.BinlogArchiverSettings;
import dev.moco4j.backup.binlog.LocalDirectorySink;
import dev.moco4j.backup.binlog.ShippedSegment;
import dev.moco4j.backup.format.BucketLayout;
import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The binlog archive's lag (RPO): for every transaction, the time from its commit on the primary to
 * the moment the segment holding it was stored, under a steady insert load on one real mysqld, with
 * segments shipped every second into a local directory.
 *
 * <p>Run: {@code ./mvnw -q -o -pl bench -am compile dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt && java -cp bench/target/classes:$(cat /tmp/cp.txt)
 * dev.moco4j.bench.ArchiveLagBenchmark --seconds 60 --rate 200}
 */
public final class ArchiveLagBenchmark {

  private static final Duration INTERVAL = Duration.ofSeconds(1);

  private ArchiveLagBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = option(args, "--seconds", 60);
    int rate = option(args, "--rate", 200);
    Path dir = Files.createTempDirectory("moco4j-archive-lag-");
    List<ShippedSegment> shipped = new CopyOnWriteArrayList<>();
    long peakHeap = 0;
    try (MysqldCluster mysqld = MysqldCluster.withInstances(1).build()) {
      mysqld.start();
      MysqldInstance primary = mysqld.instance(0);
      try (Connection connection = primary.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE bench");
        statement.execute("CREATE TABLE bench.rows (id INT PRIMARY KEY, payload VARCHAR(200))");
      }
      BinlogArchiver archiver =
          new BinlogArchiver(
              "bench/lag",
              () -> new MySqlEndpoint(primary.host(), primary.port()),
              new BinlogArchiverSettings(
                  ConnectionSettings.of(new Credentials(MysqldInstance.USER, "")),
                  4_000_001,
                  INTERVAL,
                  dir.resolve("spool"),
                  Duration.ofMillis(200)),
              new LocalDirectorySink(dir.resolve("bucket"), BucketLayout.of("", "bench", "lag")),
              Clock.systemUTC(),
              shipped::add);
      archiver.start();
      try (Connection connection = primary.connect();
          PreparedStatement insert =
              connection.prepareStatement("INSERT INTO bench.rows VALUES (?, REPEAT('p', 200))")) {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int id = 0;
        for (long next = start; next < end; next += period) {
          LockSupport.parkNanos(next - System.nanoTime());
          insert.setInt(1, ++id);
          insert.executeUpdate();
          if (id % rate == 0) {
            Runtime runtime = Runtime.getRuntime();
            peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
          }
        }
        System.out.printf(Locale.ROOT, "wrote %d transactions in %d s%n", id, seconds);
        long written = id;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (shipped.stream().mapToLong(s -> s.commitMicros().length).sum() < written
            && System.nanoTime() < deadline) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
      } finally {
        archiver.close();
      }
    } finally {
      deleteTree(dir);
    }
    report(shipped, peakHeap);
  }

  private static void report(List<ShippedSegment> shipped, long peakHeap) {
    List<Duration> lags = new ArrayList<>();
    for (ShippedSegment segment : shipped) {
      for (long micros : segment.commitMicros()) {
        lags.add(
            Duration.between(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), segment.shippedAt()));
      }
    }
    lags.sort(null);
    System.out.printf(
        Locale.ROOT,
        "archive lag over %d transactions in %d segments (interval %s): p50=%d ms  p99=%d ms"
            + "  max=%d ms%n",
        lags.size(),
        shipped.size(),
        INTERVAL,
        percentile(lags, 50).toMillis(),
        percentile(lags, 99).toMillis(),
        lags.getLast().toMillis());
    System.out.printf(Locale.ROOT, "peak heap sampled: %d MiB%n", peakHeap >> 20);
  }

  private static Duration percentile(List<Duration> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
