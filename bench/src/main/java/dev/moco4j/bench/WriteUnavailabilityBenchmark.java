package dev.moco4j.bench;

import dev.moco4j.clustering.ClusterDefinition;
import dev.moco4j.clustering.ClusteringEngine;
import dev.moco4j.clustering.EngineSettings;
import dev.moco4j.clustering.InMemoryStatusStore;
import dev.moco4j.clustering.PassInputs;
import dev.moco4j.clustering.PassResult;
import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.testing.mysqld.ContinuousWriter;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long applications cannot write during a switchover and during a failover after the primary's
 * mysqld is SIGKILLed: from the last acknowledged write on the old primary to the first on the new
 * one, on 3 real mysqld instances, with the clustering engine running passes continuously.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.args="--runs 20"}
 */
public final class WriteUnavailabilityBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(WriteUnavailabilityBenchmark.class);

  // The engine's detection settings for this run; they bound the failover time.
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration DOWN_AFTER = Duration.ofSeconds(1);
  private static final Duration PASS_INTERVAL = Duration.ofMillis(100);

  private final MysqldCluster mysqld;
  private final InMemoryStatusStore store = new InMemoryStatusStore(0);
  private final ClusteringEngine engine;
  private final AtomicReference<PassResult> lastPass = new AtomicReference<>();
  private volatile boolean running = true;

  private WriteUnavailabilityBenchmark(MysqldCluster mysqld, ExecutorService executor) {
    this.mysqld = mysqld;
    List<MySqlEndpoint> endpoints =
        mysqld.instances().stream().map(i -> new MySqlEndpoint(i.host(), i.port())).toList();
    EngineSettings settings =
        EngineSettings.defaults(new Credentials("root", ""), new Credentials("repl", "repl-secret"))
            .withDetection(CONNECT_TIMEOUT, READ_TIMEOUT, DOWN_AFTER);
    this.engine =
        new ClusteringEngine(
            ClusterDefinition.of("bench", "cluster", endpoints),
            settings,
            store,
            new LoggingEvents(),
            (donor, donorIsReplica, recipient) -> {
              throw new IllegalStateException("the benchmark never needs a data copy");
            },
            Clock.systemUTC(),
            executor);
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length >= 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 20;
    List<Duration> switchovers =
        withCluster(bench -> bench.measure("switchover", runs, bench::switchover));
    // Each failover runs on a fresh cluster: the killed instance is not reused, so every run
    // starts from three healthy instances whatever the previous run left behind.
    List<Duration> failovers = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      int run = i;
      failovers.addAll(
          withCluster(bench -> bench.measure("failover " + run + "/" + runs, 1, bench::failover)));
    }
    System.out.printf(
        "%nWrite unavailability, 3 instances, mysqld 8.0.31, asynchronous replication"
            + " (no semi-sync plugin in the test mysqld)%n");
    System.out.printf(
        "engine: pass every %d ms, connect timeout %d ms, read timeout %d ms, down after %d ms%n",
        PASS_INTERVAL.toMillis(),
        CONNECT_TIMEOUT.toMillis(),
        READ_TIMEOUT.toMillis(),
        DOWN_AFTER.toMillis());
    System.out.println(new Summary("switchover", switchovers).line());
    System.out.println(new Summary("failover", failovers).line());
  }

  private interface Series {
    List<Duration> run(WriteUnavailabilityBenchmark bench) throws Exception;
  }

  private static List<Duration> withCluster(Series series) throws Exception {
    try (MysqldCluster mysqld =
            MysqldCluster.withInstances(3)
                .option("super_read_only", "ON")
                .initStatements(
                    "CREATE USER 'repl'@'%' IDENTIFIED BY 'repl-secret'",
                    "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'repl'@'%'")
                .build();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      mysqld.start();
      WriteUnavailabilityBenchmark bench = new WriteUnavailabilityBenchmark(mysqld, executor);
      Thread loop = Thread.ofPlatform().name("engine-loop").start(bench::loop);
      try {
        return series.run(bench);
      } finally {
        bench.running = false;
        loop.join();
      }
    }
  }

  private interface Run {
    Duration once() throws Exception;
  }

  private List<Duration> measure(String name, int runs, Run run) throws Exception {
    List<Duration> samples = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      awaitHealthy();
      Duration outage = run.once();
      LOG.info("{} {}/{}: writes unavailable for {} ms", name, i, runs, outage.toMillis());
      samples.add(outage);
    }
    return samples;
  }

  private Duration switchover() throws Exception {
    int old = store.read().currentPrimaryIndex();
    int target = (old + 1) % 3;
    try (ContinuousWriter writer = writer(old)) {
      PassResult result = engine.runOnce(PassInputs.switchoverTo(Optional.of(target)));
      if (!result.primaryChanged()) {
        throw new IllegalStateException("switchover did not happen: " + result);
      }
      awaitTrue(() -> writer.acknowledgedOn(target) >= 5, Duration.ofSeconds(30));
      writer.close();
      return Outage.between(writer.attempts(), old, target);
    }
  }

  private Duration failover() throws Exception {
    int old = store.read().currentPrimaryIndex();
    Duration outage;
    try (ContinuousWriter writer = writer(old)) {
      mysqld.instance(old).kill();
      awaitTrue(() -> store.read().currentPrimaryIndex() != old, Duration.ofSeconds(60));
      int now = store.read().currentPrimaryIndex();
      awaitTrue(() -> writer.acknowledgedOn(now) >= 5, Duration.ofSeconds(30));
      writer.close();
      outage = Outage.between(writer.attempts(), old, now);
    }
    return outage;
  }

  private ContinuousWriter writer(int primary) throws Exception {
    ContinuousWriter writer =
        new ContinuousWriter(mysqld, () -> store.read().currentPrimaryIndex());
    awaitTrue(() -> writer.acknowledgedOn(primary) >= 20, Duration.ofSeconds(30));
    return writer;
  }

  private void loop() {
    while (running) {
      try {
        lastPass.set(engine.runOnce(PassInputs.NONE));
      } catch (RuntimeException e) {
        LOG.warn("pass failed: {}", e.toString());
      }
      pause(PASS_INTERVAL);
    }
  }

  private void awaitHealthy() {
    try {
      awaitTrue(
          () -> {
            PassResult pass = lastPass.get();
            return pass != null && pass.decision().state() == ClusterState.HEALTHY;
          },
          Duration.ofMinutes(2));
    } catch (IllegalStateException e) {
      StringBuilder logs = new StringBuilder();
      for (var instance : mysqld.instances()) {
        logs.append("\n--- ").append(instance).append(" error log:\n").append(instance.logTail());
      }
      throw new IllegalStateException(
          "cluster not healthy; last pass: " + lastPass.get() + logs, e);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("timed out after " + timeout);
      }
      pause(Duration.ofMillis(5));
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
