package dev.moco4j.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.MysqldCluster;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A frozen mysqld (SIGSTOP) keeps its sockets open and answers nothing: unlike a dead one it is
 * noticed only through timeouts. Every pass must still return, and the instance must be declared
 * down within the configured detection time.
 */
class HungInstanceIT {

  /** A loaded machine (two cores shared with other mysqld tests) slows everything down. */
  private static final Duration SLACK = Duration.ofSeconds(20);

  /** An observation-only pass reads every instance in parallel, each read bounded by timeouts. */
  private static final Duration PASS_BOUND =
      ClusterHarness.CONNECT_TIMEOUT.plus(ClusterHarness.READ_TIMEOUT).plus(Duration.ofSeconds(10));

  private static final Duration DETECTION_BOUND =
      ClusterHarness.DOWN_AFTER.plus(ClusterHarness.READ_TIMEOUT.multipliedBy(2)).plus(SLACK);

  /** A failover pass also stops I/O threads and runs a second pass to reconfigure. */
  private static final Duration FAILOVER_PASS_BOUND = PASS_BOUND.multipliedBy(2);

  private static final Duration FAILOVER_BOUND = DETECTION_BOUND.plus(FAILOVER_PASS_BOUND);

  @RegisterExtension final MysqldCluster mysqld = ClusterHarness.mysqlds(3).build();

  private final ExecutorService passes = Executors.newVirtualThreadPerTaskExecutor();
  private ClusterHarness cluster;

  @BeforeEach
  void healthyClusterWithData() throws SQLException {
    cluster = new ClusterHarness(mysqld, Seeders.unavailable());
    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));
    cluster.execute(
        0,
        "CREATE DATABASE shop",
        "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(40))",
        "INSERT INTO shop.orders VALUES (1, 'apple')");
    GtidSet executed = cluster.facts(0).gtidExecuted();
    for (int replica : new int[] {1, 2}) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> cluster.facts(replica).gtidExecuted().equals(executed));
    }
  }

  @AfterEach
  void close() {
    for (int i = 0; i < 3; i++) {
      cluster.instance(i).resume();
    }
    passes.shutdownNow();
    cluster.close();
  }

  @Test
  void aFrozenReplicaIsDeclaredDownInTimeAndRejoinsWhenItThaws() throws SQLException {
    cluster.instance(2).pause();
    try {
      PassResult detected =
          awaitBoundedPass(
              r -> r.decision().message().contains("instance 2 is DOWN"),
              PASS_BOUND,
              DETECTION_BOUND);

      assertThat(detected.decision().state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(detected.decision().synced()).containsExactly(1);
      for (int pass = 0; pass < 3; pass++) {
        PassResult result = boundedPass(PASS_BOUND);
        assertThat(result.decision().state()).isEqualTo(ClusterState.DEGRADED);
        assertThat(result.primaryChanged()).isFalse();
      }
      assertThat(cluster.primary()).isZero();
      cluster.execute(0, "INSERT INTO shop.orders VALUES (2, 'written while frozen')");
    } finally {
      cluster.instance(2).resume();
    }

    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    assertThat(cluster.primary()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "2".equals(cluster.query(2, "SELECT COUNT(*) FROM shop.orders")));
    assertThat(cluster.writable()).containsExactly(0);
  }

  @Test
  void aFrozenPrimaryIsFailedOverAndRejoinsAsAReplicaWhenItThaws() throws SQLException {
    int primary;
    cluster.instance(0).pause();
    try {
      // Detection, then the failover itself (stopping I/O threads, a second pass to reconfigure).
      awaitBoundedPass(PassResult::primaryChanged, FAILOVER_PASS_BOUND, FAILOVER_BOUND);

      primary = cluster.primary();
      assertThat(primary).isNotZero();
      assertThat(cluster.events.reasons()).contains("FailedOver");
      cluster.awaitState(ClusterState.DEGRADED, Duration.ofSeconds(30));
      assertThat(cluster.writable()).containsExactly(primary);
      cluster.execute(primary, "INSERT INTO shop.orders VALUES (2, 'after failover')");
    } finally {
      cluster.instance(0).resume();
    }

    // Its replicas had everything before it froze and nothing was written to it since, so it has
    // no transaction the new primary lacks: it must come back as an ordinary replica.
    GtidSet oldPrimaryExecuted = cluster.facts(0).gtidExecuted();
    GtidSet newPrimaryExecuted = cluster.facts(primary).gtidExecuted();
    assertThat(oldPrimaryExecuted.isSubsetOf(newPrimaryExecuted))
        .as("%s is within %s", oldPrimaryExecuted, newPrimaryExecuted)
        .isTrue();

    cluster.awaitState(ClusterState.HEALTHY, Duration.ofSeconds(60));

    assertThat(cluster.primary()).isEqualTo(primary);
    assertThat(cluster.store.lastReport().errant()).isEmpty();
    InstanceFacts oldPrimary = cluster.facts(0);
    assertThat(oldPrimary.superReadOnly()).isTrue();
    assertThat(oldPrimary.replicaStatus())
        .hasValueSatisfying(
            s -> {
              assertThat(s.sourceHost()).isEqualTo(cluster.endpoint(primary).host());
              assertThat(s.isReplicating()).isTrue();
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "2".equals(cluster.query(0, "SELECT COUNT(*) FROM shop.orders")));
    assertThat(cluster.writable()).containsExactly(primary);
  }

  /** One pass that must return within {@code bound}, however frozen an instance is. */
  private PassResult boundedPass(Duration bound) {
    CompletableFuture<PassResult> pass = CompletableFuture.supplyAsync(cluster::pass, passes);
    try {
      return pass.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return fail("a pass did not return within " + bound);
    } catch (ExecutionException e) {
      return fail("a pass failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  private PassResult awaitBoundedPass(
      Predicate<PassResult> condition, Duration passBound, Duration atMost) {
    AtomicReference<PassResult> last = new AtomicReference<>();
    try {
      await()
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                PassResult result = boundedPass(passBound);
                last.set(result);
                return condition.test(result);
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no pass matched within " + atMost + "; last: " + last.get(), e);
    }
    return last.get();
  }
}
