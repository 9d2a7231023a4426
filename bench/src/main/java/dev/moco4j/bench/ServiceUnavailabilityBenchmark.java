package dev.moco4j.bench;

import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.ClusterState;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.local.controlplane.LocalControlPlane;
import dev.moco4j.local.crd.Moco4jCrds;
import dev.moco4j.local.helm.Helm;
import dev.moco4j.local.kubelet.ProcessKubelet;
import dev.moco4j.local.kubelet.ServiceImages;
import dev.moco4j.local.proxy.ServiceProxy;
import dev.moco4j.testing.mysqld.ContinuousWriter;
import dev.moco4j.testing.mysqld.ContinuousWriter.Attempt;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write unavailability as an application sees it through the cluster's {@code -primary} Service,
 * with moco4j installed from its Helm charts on the local stack and every setting at its shipped
 * default (except instance addressing by pod IP: the local stack has no DNS):
 *
 * <ul>
 *   <li>switchover: {@code kubectl delete pod} of the primary;
 *   <li>crash: SIGKILL of the primary's mysqld (the kubelet restarts it; the health-monitor fails
 *       over only if it stays down longer than its down-after time).
 * </ul>
 *
 * Each figure is the longest gap between two acknowledged writes of a writer that inserts rows one
 * by one through the Service, from just before the event until the cluster is Healthy again.
 *
 * <p>Run (after {@code eval "$(hack/test-binaries.sh)"}): {@code ./mvnw -q -o -pl bench -am package
 * dependency:build-classpath -DskipTests -Dmdep.outputFile=/tmp/cp.txt && java -cp
 * bench/target/classes:$(cat /tmp/cp.txt) dev.moco4j.bench.ServiceUnavailabilityBenchmark --runs
 * 10}
 */
public final class ServiceUnavailabilityBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceUnavailabilityBenchmark.class);

  private static final String NAMESPACE = "bench";
  private static final String CLUSTER = "shop";
  private static final Duration SETTLE = Duration.ofMinutes(5);

  private final KubernetesClient client;
  private final ProcessKubelet kubelet;

  private ServiceUnavailabilityBenchmark(KubernetesClient client, ProcessKubelet kubelet) {
    this.client = client;
    this.kubelet = kubelet;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length >= 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 10;
    Path sourceTree = Path.of("").toAbsolutePath();
    try (LocalControlPlane plane = LocalControlPlane.start(true)) {
      KubernetesClient admin = plane.client();
      Moco4jCrds.install(admin);
      try (ProcessKubelet kubelet = ProcessKubelet.start(admin, plane.directory());
          ServiceProxy proxy = ServiceProxy.start(admin)) {
        ServiceImages.fromBuild(sourceTree).forEach(kubelet.serviceImages()::register);
        admin
            .namespaces()
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
            .create();
        install(sourceTree, plane, "moco4j-reconciler");
        install(
            sourceTree,
            plane,
            "moco4j-health-monitor",
            "--set-json",
            "extraEnv=[{\"name\":\"MOCO4J_INSTANCE_ADDRESS\",\"value\":\"pod-ip\"}]");
        KubernetesClient client =
            new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(plane.config(NAMESPACE))
                .build();
        var bench = new ServiceUnavailabilityBenchmark(client, kubelet);
        MySQLCluster cluster =
            client
                .resources(MySQLCluster.class)
                .load(Files.newInputStream(sourceTree.resolve("examples/mysqlcluster.yaml")))
                .item();
        cluster.getMetadata().setNamespace(NAMESPACE);
        long applied = System.nanoTime();
        client.resource(cluster).create();
        bench.awaitUntil(bench::healthy, SETTLE);
        LOG.info("apply -> Healthy: {} ms", (System.nanoTime() - applied) / 1_000_000);

        List<Duration> switchovers = new ArrayList<>();
        List<Duration> crashes = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
          switchovers.add(bench.measure("switchover " + i, bench::deletePrimaryPod));
        }
        for (int i = 1; i <= runs; i++) {
          crashes.add(bench.measure("crash " + i, bench::killPrimaryMysqld));
        }
        System.out.println("write unavailability through the -primary Service, shipped defaults");
        System.out.println(new Summary("delete pod", switchovers).line());
        System.out.println(new Summary("SIGKILL", crashes).line());
        client.close();
      }
    }
  }

  private static void install(
      Path sourceTree, LocalControlPlane plane, String chart, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "install",
                chart,
                sourceTree.resolve("charts").resolve(chart).toString(),
                "--namespace",
                NAMESPACE,
                "--set",
                "eventBus.enabled=false",
                "--set",
                "replicaCount=1"));
    args.addAll(List.of(extra));
    Helm.find(sourceTree.resolve("bench/target"))
        .run(Map.of("KUBECONFIG", plane.kubeconfig().toString()), args.toArray(String[]::new))
        .requireSuccess();
  }

  private Duration measure(String name, Runnable event) throws Exception {
    awaitUntil(this::healthy, SETTLE);
    int before = primaryIndex();
    String host =
        client
            .services()
            .withName(ResourceNames.primaryService(CLUSTER))
            .get()
            .getSpec()
            .getClusterIP();
    String password = userPassword("WRITABLE_PASSWORD");
    Duration outage;
    try (ContinuousWriter writer =
        new ContinuousWriter(() -> 0, ignored -> connect(host, password))) {
      Thread.sleep(2000);
      long eventAt = System.nanoTime();
      event.run();
      // Healthy again with every pod back, and some writes after it.
      Thread.sleep(3000);
      awaitUntil(this::healthy, SETTLE);
      Thread.sleep(1000);
      writer.close();
      outage = longestGap(writer.attempts(), eventAt - 1_000_000_000L);
    }
    LOG.info(
        "{}: primary {} -> {}, longest write gap {} ms",
        name,
        before,
        primaryIndex(),
        outage.toMillis());
    return outage;
  }

  /** The longest time between two acknowledged writes ending after {@code fromNanos}. */
  static Duration longestGap(List<Attempt> attempts, long fromNanos) {
    long previous = -1;
    long longest = 0;
    for (Attempt attempt : attempts) {
      if (!attempt.acknowledged()) {
        continue;
      }
      if (previous >= 0 && attempt.endNanos() >= fromNanos) {
        longest = Math.max(longest, attempt.endNanos() - previous);
      }
      previous = attempt.endNanos();
    }
    return Duration.ofNanos(longest);
  }

  private void deletePrimaryPod() {
    client.pods().withName(ResourceNames.podName(CLUSTER, primaryIndex())).delete();
  }

  private void killPrimaryMysqld() {
    Long pid =
        kubelet
            .containerPids(NAMESPACE, ResourceNames.podName(CLUSTER, primaryIndex()))
            .get("mysqld");
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  private boolean healthy() {
    MySQLCluster cluster = client.resources(MySQLCluster.class).withName(CLUSTER).get();
    if (cluster == null
        || cluster.getStatus() == null
        || cluster.getStatus().getState() != ClusterState.HEALTHY) {
      return false;
    }
    List<Pod> pods =
        client.pods().withLabel(dev.moco4j.api.names.Labels.INSTANCE, CLUSTER).list().getItems();
    return pods.size() == 3
        && pods.stream()
            .allMatch(
                p ->
                    p.getMetadata().getDeletionTimestamp() == null
                        && p.getStatus().getConditions().stream()
                            .anyMatch(
                                c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
  }

  private int primaryIndex() {
    MySQLCluster cluster = client.resources(MySQLCluster.class).withName(CLUSTER).get();
    Integer index = cluster.getStatus().getCurrentPrimaryIndex();
    return index == null ? 0 : index;
  }

  private String userPassword(String key) {
    String encoded =
        client.secrets().withName(ResourceNames.userSecret(CLUSTER)).get().getData().get(key);
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static Connection connect(String host, String password) throws java.sql.SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://"
            + host
            + ":3306/?connectTimeout=2000&socketTimeout=5000&sslMode=DISABLED"
            + "&allowPublicKeyRetrieval=true",
        MySQLUsers.WRITABLE.userName(),
        password);
  }

  private void awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not reached within " + timeout);
      }
      Thread.sleep(500);
    }
  }
}
