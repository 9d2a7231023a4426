package dev.moco4j.healthmonitor.e2e;

import static org.awaitility.Awaitility.await;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.ClusterState;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterSpec;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.eventbus.ClusterStatusSnapshot;
import dev.moco4j.eventbus.Command;
import dev.moco4j.eventbus.CommandReply;
import dev.moco4j.eventbus.CommandRequest;
import dev.moco4j.eventbus.EventBusAddresses;
import dev.moco4j.eventbus.MessageCodecs;
import dev.moco4j.healthmonitor.ClusterLoops;
import dev.moco4j.healthmonitor.HealthMonitorConfig;
import dev.moco4j.healthmonitor.PassListener;
import dev.moco4j.healthmonitor.bus.CommandHandler;
import dev.moco4j.healthmonitor.bus.StatusSnapshots;
import dev.moco4j.healthmonitor.kube.InstanceAddressing;
import dev.moco4j.healthmonitor.metrics.ClusterMetrics;
import dev.moco4j.reconciler.MySQLClusterReconciler;
import dev.moco4j.reconciler.controller.LeaderElection;
import dev.moco4j.reconciler.controller.ReconcilerController;
import dev.moco4j.reconciler.operation.KubeCallPool;
import dev.moco4j.reconciler.operation.KubeOperations;
import dev.moco4j.service.ServiceMetrics;
import dev.moco4j.service.WatchedNamespaces;
import dev.moco4j.testing.mysqld.ContinuousWriter;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * moco4j as a user runs it, in-process on the local stack: the reconciler (turning the MySQLCluster
 * into a StatefulSet, Services, Secrets and my.cnf) and the health-monitor's {@link ClusterLoops}
 * (running the clustering engine on the pods), each with the shipped defaults except that instances
 * are addressed by pod IP (the local stack has no DNS). Also what a test needs to look at one
 * cluster: its status, pods and Events, SQL on each pod as the operator's admin, and SQL through
 * the {@code -primary} and {@code -replica} Services as an application (the local stack's Service
 * proxy listens on every ClusterIP).
 */
final class Operator implements AutoCloseable {

  /** What any instance start may take on a loaded machine: init, crash recovery, a copy. */
  static final Duration STARTUP = Duration.ofMinutes(4);

  /**
   * A shorter grace period than the reconciler's default (60 s, of which a third is the preStop
   * pause): 15 s gives a 5 s pause, ample for a switchover, and keeps every pod deletion of a
   * rollout short.
   */
  private static final long GRACE_SECONDS = 15;

  private static final String CLUSTER_YAML =
      """
      apiVersion: moco4j.dev/v1beta1
      kind: MySQLCluster
      metadata: {name: %s}
      spec:
        replicas: %d
        mysqlConfigMapName: %s
        podTemplate:
          spec:
            terminationGracePeriodSeconds: %d
            containers:
            - name: mysqld
              image: mysql:8.0.31
              resources: {requests: {memory: %s}}
        volumeClaimTemplates:
        - metadata: {name: mysql-data}
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 1Gi}}
      """;

  final KubernetesClient client;
  final String namespace;
  final String name;
  private final ExecutorService pool = KubeCallPool.create(2);
  private final ReconcilerController reconciler;
  private ClusterLoops healthMonitor;
  // The health-monitor's event bus and metrics, as its Main wires them.
  private final Vertx vertx = Vertx.vertx();
  private final ServiceMetrics metrics = ServiceMetrics.forService("health-monitor");
  private final List<ClusterStatusSnapshot> snapshots = new CopyOnWriteArrayList<>();
  private MessageConsumer<CommandRequest> commands;

  private Operator(KubernetesClient client, String name) {
    this.client = client;
    this.namespace = client.getNamespace();
    this.name = name;
    Clock clock = Clock.systemUTC();
    this.reconciler =
        new ReconcilerController(
            client,
            WatchedNamespaces.of(Set.of(namespace)),
            Duration.ofMinutes(5),
            LeaderElection.standard(namespace, "e2e-reconciler"),
            new MySQLClusterReconciler(
                KubeOperations.create(client, pool, clock), new SecureRandom(), clock, "e2e"),
            pool);
  }

  /** Starts the reconciler and the health-monitor watching the client's namespace. */
  static Operator start(KubernetesClient client, String cluster) {
    Operator operator = new Operator(client, cluster);
    MessageCodecs.registerAll(operator.vertx.eventBus());
    operator
        .vertx
        .eventBus()
        .<ClusterStatusSnapshot>consumer(
            EventBusAddresses.CLUSTER_STATUS, m -> operator.snapshots.add(m.body()))
        .completion()
        .toCompletionStage()
        .toCompletableFuture()
        .join();
    operator.reconciler.start();
    operator.startHealthMonitor();
    return operator;
  }

  private void startHealthMonitor() {
    HealthMonitorConfig config =
        HealthMonitorConfig.defaults(WatchedNamespaces.of(Set.of(namespace)))
            .withAddressing(InstanceAddressing.POD_IP);
    healthMonitor =
        ClusterLoops.using(client, config)
            .listening(
                PassListener.all(
                    new ClusterMetrics(metrics.registry()),
                    new StatusSnapshots(vertx.eventBus(), Clock.systemUTC())));
    healthMonitor.start();
    commands = within(new CommandHandler(healthMonitor).register(vertx));
  }

  /** Stops the health-monitor and starts a new one, as a pod restart or an upgrade would. */
  void restartHealthMonitor() {
    stopHealthMonitor();
    startHealthMonitor();
  }

  private void stopHealthMonitor() {
    if (commands != null) {
      within(commands.unregister());
    }
    healthMonitor.close();
  }

  /** Sends a command to the health-monitor over the event bus, as the plugin does. */
  CommandReply command(Command command, Map<String, String> arguments) {
    CommandRequest request =
        new CommandRequest(UUID.randomUUID().toString(), command, namespace, name, arguments);
    return within(
            vertx
                .eventBus()
                .<CommandReply>request(EventBusAddresses.HEALTH_MONITOR_COMMANDS, request))
        .body();
  }

  private static <T> T within(io.vertx.core.Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
  }

  /** The health-monitor's {@code /metrics} text. */
  String scrapeMetrics() {
    return metrics.scrape();
  }

  /** The status snapshots the health-monitor published for this cluster, oldest first. */
  List<ClusterStatusSnapshot> snapshots() {
    return snapshots.stream().filter(s -> name.equals(s.cluster())).toList();
  }

  /**
   * Applies the MySQLCluster as a user would, with a my.cnf ConfigMap that keeps each mysqld small
   * (no performance_schema: five of them share two cores).
   */
  MySQLCluster createCluster(int replicas) {
    String configMap = name + "-mycnf";
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(configMap)
                .endMetadata()
                .withData(Map.of("performance_schema", "OFF"))
                .build())
        .create();
    MySQLCluster cluster =
        client
            .getKubernetesSerialization()
            .unmarshal(
                CLUSTER_YAML.formatted(name, replicas, configMap, GRACE_SECONDS, "256Mi"),
                MySQLCluster.class);
    return client.resource(cluster).create();
  }

  /** Changes the spec as a tenant would with kubectl edit. */
  void editSpec(Consumer<MySQLClusterSpec> change) {
    client
        .resources(MySQLCluster.class)
        .withName(name)
        .edit(
            c -> {
              change.accept(c.getSpec());
              return c;
            });
  }

  MySQLClusterStatus status() {
    MySQLCluster cluster = client.resources(MySQLCluster.class).withName(name).get();
    return cluster == null || cluster.getStatus() == null
        ? new MySQLClusterStatus()
        : cluster.getStatus();
  }

  ClusterState state() {
    return status().getState();
  }

  /** As the health-monitor reads it: absent until the first switchover or failover means 0. */
  int primaryIndex() {
    Integer index = status().getCurrentPrimaryIndex();
    return index == null ? 0 : index;
  }

  Optional<Pod> pod(int index) {
    return Optional.ofNullable(client.pods().withName(ResourceNames.podName(name, index)).get());
  }

  List<Pod> pods() {
    return client.pods().withLabels(Labels.selector(name)).list().getItems();
  }

  String role(int index) {
    return pod(index)
        .map(p -> p.getMetadata().getLabels())
        .map(l -> l.get(Labels.ROLE))
        .orElse(null);
  }

  boolean gateReady(int index) {
    return pod(index).map(p -> conditionTrue(p, PodConditions.READY)).orElse(false);
  }

  String podIp(int index) {
    return pod(index).map(p -> p.getStatus().getPodIP()).orElseThrow();
  }

  String uid(int index) {
    return pod(index).map(p -> p.getMetadata().getUid()).orElse(null);
  }

  String restartHash(int index) {
    return pod(index)
        .map(p -> p.getMetadata().getAnnotations())
        .map(a -> a.get(Annotations.RESTART_HASH))
        .orElse(null);
  }

  /** Every pod's mysqld container runs (the kubelet's view, before any clustering). */
  boolean mysqldRunning(int instances) {
    List<Pod> pods = pods();
    return pods.size() == instances
        && pods.stream()
            .allMatch(
                p ->
                    p.getStatus() != null
                        && p.getStatus().getContainerStatuses() != null
                        && p.getStatus().getContainerStatuses().stream()
                            .anyMatch(
                                c ->
                                    "mysqld".equals(c.getName())
                                        && c.getState().getRunning() != null));
  }

  /** Healthy with exactly {@code instances} pods, each Ready and labelled with its role. */
  boolean healthy(int instances) {
    if (state() != ClusterState.HEALTHY || pods().size() != instances) {
      return false;
    }
    int primary = primaryIndex();
    for (int i = 0; i < instances; i++) {
      String wanted = i == primary ? Labels.ROLE_PRIMARY : Labels.ROLE_REPLICA;
      boolean ready = pod(i).map(p -> conditionTrue(p, "Ready")).orElse(false);
      if (!wanted.equals(role(i)) || !ready) {
        return false;
      }
    }
    return true;
  }

  void awaitHealthy(int instances) {
    await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> healthy(instances));
  }

  /** The health-monitor's Events on the cluster with this reason, oldest first. */
  List<Event> events(String reason) {
    return client.v1().events().list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(e -> reason.equals(e.getReason()))
        .sorted(
            (a, b) ->
                a.getMetadata()
                    .getCreationTimestamp()
                    .compareTo(b.getMetadata().getCreationTimestamp()))
        .toList();
  }

  /** A connection to one pod's mysqld as the operator's admin (never killed by a switchover). */
  Connection admin(int index) throws SQLException {
    return connect(podIp(index), MySQLUsers.ADMIN.userName(), operatorPassword(MySQLUsers.ADMIN));
  }

  /** A connection through the {@code -primary} Service as the application's writable user. */
  Connection primaryService() throws SQLException {
    return connect(
        serviceIp(ResourceNames.primaryService(name)),
        MySQLUsers.WRITABLE.userName(),
        userSecret("WRITABLE_PASSWORD"));
  }

  /** A connection through the {@code -replica} Service as the application's read-only user. */
  Connection replicaService() throws SQLException {
    return connect(
        serviceIp(ResourceNames.replicaService(name)),
        MySQLUsers.READONLY.userName(),
        userSecret("READONLY_PASSWORD"));
  }

  /** An application inserting rows one by one through the {@code -primary} Service. */
  ContinuousWriter writerThroughPrimaryService() throws SQLException {
    // Looked up once: the writer's thread must meet only SQL errors.
    String host = serviceIp(ResourceNames.primaryService(name));
    String password = userSecret("WRITABLE_PASSWORD");
    return new ContinuousWriter(
        () -> 0, ignored -> connect(host, MySQLUsers.WRITABLE.userName(), password));
  }

  /** The first column of every row. */
  static List<String> column(Connection connection, String sql) throws SQLException {
    try (connection;
        Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  static String value(Connection connection, String sql) throws SQLException {
    return column(connection, sql).getFirst();
  }

  /** CHECKSUM TABLE's checksum of one table. */
  static String checksum(Connection connection, String table) throws SQLException {
    try (connection;
        Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("CHECKSUM TABLE " + table)) {
      rs.next();
      return rs.getString(2);
    }
  }

  static void execute(Connection connection, String... statements) throws SQLException {
    try (connection;
        Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private String serviceIp(String service) {
    return client.services().withName(service).get().getSpec().getClusterIP();
  }

  private String operatorPassword(MySQLUsers user) {
    return secretValue(ResourceNames.operatorSecret(name), user.passwordKey());
  }

  private String userSecret(String key) {
    return secretValue(ResourceNames.userSecret(name), key);
  }

  private String secretValue(String secret, String key) {
    String encoded = client.secrets().withName(secret).get().getData().get(key);
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static Connection connect(String host, String user, String password) throws SQLException {
    // Without TLS, caching_sha2_password's first login needs the server's RSA key.
    Connection connection =
        DriverManager.getConnection(
            "jdbc:mysql://"
                + host
                + ":"
                + ResourceNames.MYSQL_PORT
                + "/?connectTimeout=3000&sslMode=DISABLED&allowPublicKeyRetrieval=true",
            user,
            password);
    connection.setNetworkTimeout(Runnable::run, 10_000);
    return connection;
  }

  private static boolean conditionTrue(Pod pod, String type) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Override
  public void close() {
    if (healthMonitor != null) {
      stopHealthMonitor();
    }
    reconciler.close();
    pool.shutdownNow();
    within(vertx.close());
    metrics.close();
  }
}
