package dev.moco4j.healthmonitor.e2e;

import static dev.moco4j.healthmonitor.e2e.Operator.STARTUP;
import static dev.moco4j.healthmonitor.e2e.Operator.column;
import static dev.moco4j.healthmonitor.e2e.Operator.execute;
import static dev.moco4j.healthmonitor.e2e.Operator.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.eventbus.ClusterStatusSnapshot;
import dev.moco4j.eventbus.Command;
import dev.moco4j.eventbus.CommandOutcome;
import dev.moco4j.eventbus.CommandReply;
import dev.moco4j.eventbus.CommandRequest;
import dev.moco4j.healthmonitor.e2e.PodDeletions.Deletion;
import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.local.kubelet.ProcessKubelet;
import dev.moco4j.testing.mysqld.ContinuousWriter;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciler and the health-monitor together on the local stack (real apiserver and
 * controller-manager, the process kubelet running stock mysql:8 pods as real mysqld, the Service
 * proxy): a MySQLCluster applied to the API server becomes a primary–replica cluster that
 * applications use through its Services, and stays one through what happens to a cluster in its
 * life. One cluster per test, a test's steps in the order a cluster lives them.
 */
@LocalKubernetes(kubelet = true, crds = true)
class OperatorE2E {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorE2E.class);

  /**
   * Issue 9's scenarios 1, 5, 3 and 4 on one three-instance cluster, with an application writing
   * through the {@code -primary} Service from the first Healthy moment: no acknowledged write may
   * be lost, whatever moves. Then scenario 2, a failover.
   */
  @Test
  void aClusterServesThroughItsServicesLosesNoWriteThroughRestartDeletionAndRolloutAndFailsOver(
      KubernetesClient client, ProcessKubelet kubelet) throws Exception {
    try (Operator op = Operator.start(client, "db")) {
      long applied = System.nanoTime();
      op.createCluster(3);
      await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> op.mysqldRunning(3));
      Duration running = Duration.ofNanos(System.nanoTime() - applied);
      op.awaitHealthy(3);
      Duration healthy = Duration.ofNanos(System.nanoTime() - applied);
      LOG.info(
          "3-instance MySQLCluster: every mysqld running {} ms after it was applied, Healthy after"
              + " {} ms",
          running.toMillis(),
          healthy.toMillis());

      // 1. Writes through the primary Service, reads through the replica Service.
      assertThat(op.primaryIndex()).isZero();
      for (int replica : List.of(1, 2)) {
        assertThat(value(op.admin(replica), "SELECT @@super_read_only")).isEqualTo("1");
      }
      assertThat(value(op.admin(0), "SELECT @@read_only")).isEqualTo("0");
      execute(
          op.primaryService(),
          "CREATE DATABASE shop",
          "CREATE TABLE shop.items (id INT PRIMARY KEY)",
          "INSERT INTO shop.items VALUES (1), (2), (3)");
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(value(op.replicaService(), "SELECT COUNT(*) FROM shop.items"))
                      .isEqualTo("3"));
      assertThat(serversBehind(op, true)).containsExactly(op.podIp(0));
      assertThat(serversBehind(op, false)).isSubsetOf(op.podIp(1), op.podIp(2)).isNotEmpty();

      ContinuousWriter writer = op.writerThroughPrimaryService();
      try (writer) {
        awaitMoreWrites(writer, 20);
        int switchovers = op.events("SwitchedOver").size();
        int failovers = op.events("FailedOver").size();

        // 5. A restarted health-monitor takes the cluster over from its status as it is.
        op.restartHealthMonitor();
        await()
            .atMost(Duration.ofSeconds(30))
            .during(Duration.ofSeconds(8))
            .until(() -> op.healthy(3) && op.primaryIndex() == 0);
        assertThat(op.events("SwitchedOver")).hasSize(switchovers);
        assertThat(op.events("FailedOver")).hasSize(failovers);
        awaitMoreWrites(writer, 20);

        // 3. kubectl delete pod of the primary: a switchover while its mysqld still serves (the
        // preStop pause), then the StatefulSet's new pod rejoins as a replica.
        String deletedUid = op.uid(0);
        client.pods().withName(ResourceNames.podName(op.name, 0)).delete();
        await().atMost(Duration.ofSeconds(30)).until(() -> op.primaryIndex() != 0);
        assertThat(op.uid(0))
            .as("the deleted pod still runs its preStop pause")
            .isEqualTo(deletedUid);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> op.events("SwitchedOver").size() == switchovers + 1);
        assertThat(op.events("SwitchedOver").getLast().getMessage()).contains("terminating");
        assertThat(op.events("FailedOver")).hasSize(failovers);
        int primary = op.primaryIndex();
        await()
            .atMost(STARTUP)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> !Objects.equals(op.uid(0), deletedUid) && op.healthy(3));
        assertThat(op.role(0)).isEqualTo(Labels.ROLE_REPLICA);
        assertThat(value(op.admin(0), "SELECT @@super_read_only")).isEqualTo("1");
        assertThat(op.primaryIndex()).isEqualTo(primary);
        awaitMoreWrites(writer, 20);

        // 4. A resources change rolls out one pod at a time: the replicas, then the primary once
        // the health-monitor switched away from it at the reconciler's request.
        Map<Integer, String> hashes = new HashMap<>();
        IntStream.range(0, 3).forEach(i -> hashes.put(i, op.restartHash(i)));
        List<Deletion> deletions;
        try (PodDeletions recorder = PodDeletions.record(op)) {
          op.editSpec(
              spec ->
                  spec.getPodTemplate()
                      .spec()
                      .getContainers()
                      .getFirst()
                      .getResources()
                      .getRequests()
                      .put("memory", new Quantity("288Mi")));
          await()
              .atMost(Duration.ofMinutes(6))
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () ->
                      IntStream.range(0, 3)
                              .allMatch(
                                  i ->
                                      op.restartHash(i) != null
                                          && !op.restartHash(i).equals(hashes.get(i)))
                          && op.healthy(3));
          deletions = recorder.deletions();
        }
        LOG.info("rollout deleted, in order (instance, primary on record): {}", deletions);
        assertThat(deletions).extracting(Deletion::index).hasSize(3).doesNotHaveDuplicates();
        assertThat(deletions.subList(0, 2)).extracting(Deletion::index).doesNotContain(primary);
        assertThat(deletions.getLast().index()).isEqualTo(primary);
        assertThat(deletions.getLast().primaryOnRecord()).isNotEqualTo(primary);
        assertThat(op.events("SwitchedOver")).hasSize(switchovers + 2);
        assertThat(op.events("SwitchedOver").getLast().getMessage()).contains("asked to step down");
        assertThat(op.events("FailedOver")).hasSize(failovers);
        awaitMoreWrites(writer, 20);
      }

      List<Integer> acknowledged = writer.acknowledgedIds();
      Set<Integer> stored = new HashSet<>();
      column(op.admin(op.primaryIndex()), "SELECT id FROM app.writes")
          .forEach(id -> stored.add(Integer.parseInt(id)));
      LOG.info(
          "{} writes acknowledged through the primary Service; longest time without one: {} ms",
          acknowledged.size(),
          longestGapMillis(writer));
      assertThat(stored).containsAll(acknowledged);

      // 2. The primary's mysqld keeps dying: each time the kubelet restarts it, it is killed
      // again, until the health-monitor fails over. Without semi-sync (the test mysqld has no
      // plugins) a failover may lose acknowledged writes, so the writer has stopped.
      int dying = op.primaryIndex();
      int failovers = op.events("FailedOver").size();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Long pid =
                    kubelet
                        .containerPids(op.namespace, ResourceNames.podName(op.name, dying))
                        .get("mysqld");
                if (pid != null) {
                  ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                return op.primaryIndex() != dying;
              });
      // The Event is written right after the status swap, so it may trail the index by a moment.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> op.events("FailedOver").size() == failovers + 1);
      assertThat(op.events("FailedOver").getLast().getType()).isEqualTo("Warning");
      int promoted = op.primaryIndex();
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> Labels.ROLE_PRIMARY.equals(op.role(promoted)) && op.gateReady(promoted));
      assertThat(value(op.primaryService(), "SELECT COUNT(*) FROM shop.items")).isEqualTo("3");
      // Left alone, the old primary comes back and follows the new one.
      op.awaitHealthy(3);
      assertThat(op.role(dying)).isEqualTo(Labels.ROLE_REPLICA);
      assertThat(value(op.admin(dying), "SELECT @@super_read_only")).isEqualTo("1");
    }
  }

  /**
   * Issue 8's scaling 1 → 3 → 5 → 3 (issue 9's scenario 7): new instances are seeded from the
   * primary and join, every instance ends with the same data, and scaling down removes the highest
   * ordinals. Then issue 9's scenario 6: a replica that took a write of its own is fenced off from
   * the replica Service and reported, and a switchover passes it by.
   */
  @Test
  void scalingSeedsNewInstancesWithTheDataAndAnErrantReplicaIsFencedOffAndNeverPromoted(
      KubernetesClient client) throws Exception {
    try (Operator op = Operator.start(client, "db")) {
      op.createCluster(1);
      op.awaitHealthy(1);
      execute(
          op.primaryService(),
          "CREATE DATABASE shop",
          "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(40))",
          "INSERT INTO shop.items WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1"
              + " FROM seq WHERE n < 500) SELECT n, CONCAT('item-', n) FROM seq");

      for (int instances : List.of(3, 5)) {
        op.editSpec(spec -> spec.setReplicas(instances));
        op.awaitHealthy(instances);
        execute(
            op.primaryService(),
            "INSERT INTO shop.items VALUES (" + (1000 + instances) + ", 'after scaling')");
        awaitSameData(op, instances);
      }
      assertThat(op.events("Seeded")).hasSizeGreaterThanOrEqualTo(4);
      assertThat(op.primaryIndex()).isZero();

      op.editSpec(spec -> spec.setReplicas(3));
      op.awaitHealthy(3);
      assertThat(op.pod(3)).isEmpty();
      assertThat(op.pod(4)).isEmpty();
      awaitSameData(op, 3);

      commandsOverTheEventBusAndMetrics(op);

      // 6. An errant transaction: written on replica 2 behind the health-monitor's back.
      // Retried: the health-monitor may fence the instance again between the two statements.
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  execute(
                      op.admin(2),
                      "SET GLOBAL super_read_only = OFF",
                      "INSERT IGNORE INTO shop.items VALUES (99999, 'errant')"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Integer.valueOf(1).equals(op.status().getErrantReplicas())
                      && op.role(2) == null
                      && !op.gateReady(2));
      assertThat(op.status().getErrantReplicaList()).containsExactly(2);
      await().atMost(Duration.ofSeconds(10)).until(() -> !op.events("ErrantReplicas").isEmpty());
      assertThat(value(op.admin(2), "SELECT @@super_read_only")).isEqualTo("1");
      assertThat(serversBehind(op, false)).containsExactly(op.podIp(1));

      // Never promoted: the primary's deletion switches over to the one synced replica.
      String deletedUid = op.uid(0);
      client.pods().withName(ResourceNames.podName(op.name, 0)).delete();
      await().atMost(Duration.ofSeconds(30)).until(() -> op.primaryIndex() != 0);
      assertThat(op.primaryIndex()).isEqualTo(1);
      await()
          .atMost(STARTUP)
          .until(
              () ->
                  !Objects.equals(op.uid(0), deletedUid)
                      && Labels.ROLE_REPLICA.equals(op.role(0))
                      && op.gateReady(0));
      assertThat(op.role(2)).isNull();
      assertThat(op.status().getErrantReplicaList()).containsExactly(2);
      assertThat(op.events("FailedOver")).isEmpty();
    }
  }

  /**
   * The health-monitor's commands (as the plugin sends them over the event bus), its Prometheus
   * meters and its status snapshots, on a Healthy 3-instance cluster whose primary is 0; leaves the
   * primary at 0.
   */
  private static void commandsOverTheEventBusAndMetrics(Operator op) {
    String labels = "name=\"db\",namespace=\"" + op.namespace + "\"";
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(op.scrapeMetrics())
                    .contains(
                        "moco4j_cluster_healthy{" + labels + ",service=\"health-monitor\"} 1.0")
                    .contains("moco4j_cluster_instances{" + labels)
                    .contains(
                        "moco4j_cluster_current_primary_index{"
                            + labels
                            + ",service=\"health-monitor\"} 0.0"));

    CommandReply stop = op.command(Command.STOP_CLUSTERING, Map.of());
    assertThat(stop.outcome()).isEqualTo(CommandOutcome.DONE);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Annotations.TRUE.equals(
                    op.client
                        .resources(MySQLCluster.class)
                        .withName(op.name)
                        .get()
                        .getMetadata()
                        .getAnnotations()
                        .get(Annotations.CLUSTERING_STOPPED)));
    CommandReply refused =
        op.command(Command.SWITCHOVER, Map.of(CommandRequest.TARGET_INSTANCE_INDEX, "1"));
    assertThat(refused.outcome()).isEqualTo(CommandOutcome.REJECTED);
    assertThat(refused.message()).contains("clustering of " + op.namespace + "/db is stopped");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(op.scrapeMetrics())
                    .contains(
                        "moco4j_cluster_clustering_stopped{"
                            + labels
                            + ",service=\"health-monitor\"} 1.0"));
    assertThat(op.command(Command.START_CLUSTERING, Map.of()).outcome())
        .isEqualTo(CommandOutcome.DONE);
    CommandReply outOfRange =
        op.command(Command.SWITCHOVER, Map.of(CommandRequest.TARGET_INSTANCE_INDEX, "7"));
    assertThat(outOfRange.outcome()).isEqualTo(CommandOutcome.REJECTED);
    assertThat(outOfRange.message()).contains("instances 0 to 2");

    // The loop may not have seen the start yet: asked again until a switchover is accepted.
    for (int target : List.of(2, 0)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  op.command(
                              Command.SWITCHOVER,
                              Map.of(CommandRequest.TARGET_INSTANCE_INDEX, String.valueOf(target)))
                          .outcome()
                      == CommandOutcome.ACCEPTED);
      await().atMost(Duration.ofSeconds(30)).until(() -> op.primaryIndex() == target);
      op.awaitHealthy(3);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(op.scrapeMetrics())
                    .contains(
                        "moco4j_cluster_switchovers_total{"
                            + labels
                            + ",service=\"health-monitor\"} 2.0"));
    assertThat(op.snapshots())
        .extracting(ClusterStatusSnapshot::currentPrimaryIndex)
        .containsSubsequence(0, 2, 0);
  }

  /** Every instance holds the same rows, once replication caught up. */
  private static void awaitSameData(Operator op, int instances) {
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              List<String> checksums = new ArrayList<>();
              for (int i = 0; i < instances; i++) {
                checksums.add(
                    value(op.admin(i), "SELECT COUNT(*) FROM shop.items")
                        + "/"
                        + Operator.checksum(op.admin(i), "shop.items"));
              }
              assertThat(checksums).as("row count/CHECKSUM TABLE per instance").hasSize(instances);
              assertThat(new HashSet<>(checksums)).hasSize(1);
            });
  }

  /** The bind addresses of the mysqld that new connections through a Service reach. */
  private static Set<String> serversBehind(Operator op, boolean primary) throws SQLException {
    Set<String> servers = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      servers.add(
          value(
              primary ? op.primaryService() : op.replicaService(), "SELECT @@GLOBAL.bind_address"));
    }
    return servers;
  }

  private static void awaitMoreWrites(ContinuousWriter writer, int more) {
    int target = writer.acknowledgedIds().size() + more;
    await().atMost(Duration.ofMinutes(1)).until(() -> writer.acknowledgedIds().size() >= target);
  }

  private static long longestGapMillis(ContinuousWriter writer) {
    List<Long> acks =
        writer.attempts().stream()
            .filter(ContinuousWriter.Attempt::acknowledged)
            .map(ContinuousWriter.Attempt::endNanos)
            .toList();
    long longest = 0;
    for (int i = 1; i < acks.size(); i++) {
      longest = Math.max(longest, acks.get(i) - acks.get(i - 1));
    }
    return Duration.ofNanos(longest).toMillis();
  }
}
