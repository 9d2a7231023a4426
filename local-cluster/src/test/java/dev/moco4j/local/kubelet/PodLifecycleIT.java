package dev.moco4j.local.kubelet;

import static dev.moco4j.local.kubelet.MysqlWorkloads.SMALL;
import static dev.moco4j.local.kubelet.MysqlWorkloads.condition;
import static dev.moco4j.local.kubelet.MysqlWorkloads.connect;
import static dev.moco4j.local.kubelet.MysqlWorkloads.isReady;
import static dev.moco4j.local.kubelet.MysqlWorkloads.mysqld;
import static dev.moco4j.local.kubelet.MysqlWorkloads.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.local.junit.TestNamespace;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees of a pod's life on the process kubelet, with real mysqld processes: init
 * containers, ConfigMap and Secret volumes and environment, probes, restart policies and deletion.
 */
@LocalKubernetes(kubelet = true)
class PodLifecycleIT {

  private static final Duration STARTUP = Duration.ofMinutes(2);

  @Test
  void anInitContainerInitializesTheDataDirectoryBeforeMysqldStarts(KubernetesClient client)
      throws Exception {
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("bootstrap")
                .endMetadata()
                // --initialize-insecure creates only root@localhost; the test connects over TCP.
                .addToData(
                    "init.sql",
                    "CREATE USER 'root'@'%';\nGRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;\n")
                .build())
        .create();
    Container init =
        new ContainerBuilder()
            .withName("init-datadir")
            .withImage("mysql:8.0")
            .withCommand(
                "mysqld",
                "--initialize-insecure",
                "--datadir=/var/lib/mysql/data",
                "--init-file=/etc/mysql-init/init.sql")
            .withArgs(SMALL)
            .addNewVolumeMount()
            .withName("mysql-data")
            .withMountPath("/var/lib/mysql")
            .endVolumeMount()
            .addNewVolumeMount()
            .withName("bootstrap")
            .withMountPath("/etc/mysql-init")
            .endVolumeMount()
            .build();
    Container main =
        new ContainerBuilder(mysqld())
            .withCommand("mysqld", "--datadir=/var/lib/mysql/data")
            .build();
    client
        .resource(
            MysqlWorkloads.pod("initialized", main)
                .editSpec()
                .withInitContainers(init)
                .addNewVolume()
                .withName("bootstrap")
                .withNewConfigMap()
                .withName("bootstrap")
                .endConfigMap()
                .endVolume()
                .endSpec()
                .build())
        .create();

    await().atMost(STARTUP).until(() -> isReady(pod(client, "initialized")));

    Pod pod = pod(client, "initialized");
    assertThat(condition(pod, "Initialized").getStatus()).isEqualTo("True");
    var initState = pod.getStatus().getInitContainerStatuses().get(0).getState().getTerminated();
    assertThat(initState).isNotNull();
    assertThat(initState.getExitCode()).isZero();
    assertThat(initState.getReason()).isEqualTo("Completed");
    var running = status(pod, "mysqld").getState().getRunning();
    assertThat(running).isNotNull();
    // Status times have a resolution of one second.
    assertThat(Instant.parse(initState.getFinishedAt()))
        .isBeforeOrEqualTo(Instant.parse(running.getStartedAt()));
    assertThat(
            query(
                pod,
                "SELECT CONCAT(@@datadir, ' ', COUNT(*)) FROM mysql.user"
                    + " WHERE user = 'root' AND host = '%'"))
        .endsWith("/data/ 1");
  }

  @Test
  void aFailingInitContainerFailsThePodUnderRestartPolicyNever(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) {
    client
        .resource(
            MysqlWorkloads.pod("never", mysqld())
                .editSpec()
                .withRestartPolicy("Never")
                .withInitContainers(failingInitContainer())
                .endSpec()
                .build())
        .create();

    await().atMost(STARTUP).until(() -> "Failed".equals(phase(pod(client, "never"))));

    Pod pod = pod(client, "never");
    var init = pod.getStatus().getInitContainerStatuses().get(0);
    assertThat(init.getState().getTerminated()).isNotNull();
    assertThat(init.getState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(init.getState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(init.getRestartCount()).isZero();
    assertThat(status(pod, "mysqld").getStarted()).isFalse();
    assertThat(status(pod, "mysqld").getState().getRunning()).isNull();
    assertThat(kubelet.containerPids(ns.name(), "never")).isEmpty();
  }

  @Test
  void aFailingInitContainerIsRetriedAndTheContainersNeverStartUnderRestartPolicyAlways(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) {
    client
        .resource(
            MysqlWorkloads.pod("retried", mysqld())
                .editSpec()
                .withInitContainers(failingInitContainer())
                .endSpec()
                .build())
        .create();

    await()
        .atMost(STARTUP)
        .until(
            () -> {
              Pod pod = pod(client, "retried");
              if (pod == null || pod.getStatus().getInitContainerStatuses().isEmpty()) {
                return false;
              }
              var init = pod.getStatus().getInitContainerStatuses().get(0);
              return init.getRestartCount() >= 2
                  && init.getState().getWaiting() != null
                  && "CrashLoopBackOff".equals(init.getState().getWaiting().getReason());
            });

    Pod pod = pod(client, "retried");
    var init = pod.getStatus().getInitContainerStatuses().get(0);
    assertThat(init.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(phase(pod)).isEqualTo("Pending");
    assertThat(condition(pod, "Initialized").getStatus()).isEqualTo("False");
    ContainerStatus main = status(pod, "mysqld");
    assertThat(main.getStarted()).isFalse();
    assertThat(main.getRestartCount()).isZero();
    assertThat(main.getState().getWaiting().getReason()).isEqualTo("PodInitializing");
    assertThat(kubelet.containerPids(ns.name(), "retried")).isEmpty();
  }

  @Test
  void aMyCnfFromAConfigMapVolumeConfiguresMysqld(KubernetesClient client) throws Exception {
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("mysql-conf")
                .endMetadata()
                .addToData("my.cnf", "[mysqld]\nmax_connections = 77\n")
                .build())
        .create();
    // Like the image's entrypoint, --defaults-extra-file must come first.
    Container container =
        new ContainerBuilder(mysqld())
            .withArgs(
                Stream.concat(
                        Stream.of("--defaults-extra-file=/etc/mysql-conf/my.cnf"), SMALL.stream())
                    .toList())
            .addNewVolumeMount()
            .withName("mysql-conf")
            .withMountPath("/etc/mysql-conf")
            .endVolumeMount()
            .build();
    client
        .resource(
            MysqlWorkloads.pod("configured", container)
                .editSpec()
                .addNewVolume()
                .withName("mysql-conf")
                .withNewConfigMap()
                .withName("mysql-conf")
                .endConfigMap()
                .endVolume()
                .endSpec()
                .build())
        .create();

    await().atMost(STARTUP).until(() -> isReady(pod(client, "configured")));

    assertThat(query(pod(client, "configured"), "SELECT @@max_connections")).isEqualTo("77");
  }

  @Test
  void anInitFileFromASecretVolumeCreatesAUserWhoCanLogIn(KubernetesClient client)
      throws Exception {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("mysql-init")
                .endMetadata()
                .addToStringData(
                    "init.sql",
                    "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'app-secret-7';\n"
                        + "GRANT SELECT ON *.* TO 'app'@'%';\n")
                .build())
        .create();
    Container container =
        new ContainerBuilder(mysqld())
            .addToArgs("--init-file=/etc/mysql-init/init.sql")
            .addNewVolumeMount()
            .withName("mysql-init")
            .withMountPath("/etc/mysql-init")
            .withReadOnly(true)
            .endVolumeMount()
            .build();
    client
        .resource(
            MysqlWorkloads.pod("init-file", container)
                .editSpec()
                .addNewVolume()
                .withName("mysql-init")
                .withNewSecret()
                .withSecretName("mysql-init")
                .endSecret()
                .endVolume()
                .endSpec()
                .build())
        .create();

    await().atMost(STARTUP).until(() -> isReady(pod(client, "init-file")));

    String ip = pod(client, "init-file").getStatus().getPodIP();
    try (Connection c = connect(ip, "app", "app-secret-7");
        ResultSet rs = c.createStatement().executeQuery("SELECT CURRENT_USER()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("app@%");
    }
  }

  @Test
  void environmentFromASecretAndAConfigMapReachesMysqld(KubernetesClient client) throws Exception {
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("clock")
                .endMetadata()
                .addToData("offset", "-3")
                .build())
        .create();
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("clock")
                .endMetadata()
                .addToStringData("zone", "SEC")
                .build())
        .create();
    // mysqld reads TZ for its system time zone; a POSIX TZ ("SEC-3": UTC+3 named SEC) needs no
    // zone files on the host.
    Container container =
        new ContainerBuilder(mysqld())
            .addNewEnv()
            .withName("ZONE")
            .withNewValueFrom()
            .withNewSecretKeyRef("zone", "clock", false)
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("OFFSET")
            .withNewValueFrom()
            .withNewConfigMapKeyRef("offset", "clock", false)
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("TZ")
            .withValue("$(ZONE)$(OFFSET)")
            .endEnv()
            .build();
    client.resource(MysqlWorkloads.pod("clock", container).build()).create();

    await().atMost(STARTUP).until(() -> isReady(pod(client, "clock")));

    assertThat(
            query(
                pod(client, "clock"),
                "SELECT CONCAT(@@system_time_zone, ' ',"
                    + " TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW()))"))
        .isEqualTo("SEC 180");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Always", "OnFailure"})
  void aFailingLivenessProbeRestartsMysqldInANewProcess(
      String restartPolicy, KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) {
    // Nothing listens on 3307: once the initial delay is over, every probe fails.
    Container container =
        new ContainerBuilder(mysqld())
            .withNewLivenessProbe()
            .withNewTcpSocket()
            .withPort(new IntOrString(3307))
            .endTcpSocket()
            .withInitialDelaySeconds(3)
            .withPeriodSeconds(1)
            .withFailureThreshold(2)
            .endLivenessProbe()
            .build();
    client
        .resource(
            MysqlWorkloads.pod("unhealthy", container)
                .editSpec()
                .withRestartPolicy(restartPolicy)
                .withTerminationGracePeriodSeconds(10L)
                .endSpec()
                .build())
        .create();
    await().atMost(STARTUP).until(() -> pid(kubelet, ns, "unhealthy") != null);
    long first = pid(kubelet, ns, "unhealthy");

    await()
        .atMost(STARTUP)
        .until(
            () -> {
              Long pid = pid(kubelet, ns, "unhealthy");
              return pid != null
                  && pid != first
                  && status(pod(client, "unhealthy"), "mysqld").getRestartCount() >= 1;
            });

    assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).isEmpty();
    ContainerStatus status = status(pod(client, "unhealthy"), "mysqld");
    assertThat(status.getLastState().getTerminated()).isNotNull();
    assertThat(phase(pod(client, "unhealthy"))).isEqualTo("Running");
  }

  @Test
  void aFailingReadinessProbeKeepsThePodUnreadyWithoutRestartingIt(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) {
    Container container =
        new ContainerBuilder(mysqld())
            .withNewReadinessProbe()
            .withNewTcpSocket()
            .withPort(new IntOrString(3307))
            .endTcpSocket()
            .withPeriodSeconds(1)
            .endReadinessProbe()
            .build();
    client.resource(MysqlWorkloads.pod("unready", container).build()).create();
    // mysqld itself serves: only the probe fails.
    await()
        .atMost(STARTUP)
        .ignoreExceptions()
        .until(() -> query(pod(client, "unready"), "SELECT 1").equals("1"));
    long pid = pid(kubelet, ns, "unready");

    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Pod pod = pod(client, "unready");
              ContainerStatus status = status(pod, "mysqld");
              return !isReady(pod)
                  && !status.getReady()
                  && status.getRestartCount() == 0
                  && status.getState().getRunning() != null
                  && Long.valueOf(pid).equals(pid(kubelet, ns, "unready"));
            });
    assertThat(condition(pod(client, "unready"), "ContainersReady").getStatus()).isEqualTo("False");
  }

  @Test
  void aStartupProbeHoldsBackLivenessAndRestartsAContainerThatNeverStarts(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) {
    // A startup probe that never passes: the container is restarted once its allowance (4 x 1 s)
    // is spent, and readiness never runs although mysqld serves on its port.
    Container neverStarts =
        new ContainerBuilder(mysqld())
            .withNewStartupProbe()
            .withNewTcpSocket()
            .withPort(new IntOrString(3307))
            .endTcpSocket()
            .withPeriodSeconds(1)
            .withFailureThreshold(4)
            .endStartupProbe()
            .withNewReadinessProbe()
            .withNewTcpSocket()
            .withPort(new IntOrString("mysql"))
            .endTcpSocket()
            .withPeriodSeconds(1)
            .endReadinessProbe()
            .build();
    client.resource(MysqlWorkloads.pod("never-starts", neverStarts).build()).create();

    await()
        .atMost(STARTUP)
        .ignoreExceptions()
        .until(() -> status(pod(client, "never-starts"), "mysqld").getRestartCount() >= 1);
    // Readiness never ran: mysqld served on 3306, but the startup probe never passed.
    assertThat(isReady(pod(client, "never-starts"))).isFalse();
  }

  @Test
  void aKilledMysqldIsRestartedWithItsDataUnderRestartPolicyAlways(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) throws Exception {
    client.resource(MysqlWorkloads.pod("crashing", mysqld()).build()).create();
    await().atMost(STARTUP).until(() -> isReady(pod(client, "crashing")));
    try (Connection c = connect(pod(client, "crashing").getStatus().getPodIP());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE app");
      s.execute("CREATE TABLE app.t (id INT PRIMARY KEY, note VARCHAR(20))");
      s.execute("INSERT INTO app.t VALUES (1, 'before kill')");
    }
    long first = pid(kubelet, ns, "crashing");

    kill(first);

    await()
        .atMost(STARTUP)
        .until(
            () -> {
              Pod pod = pod(client, "crashing");
              Long pid = pid(kubelet, ns, "crashing");
              return isReady(pod) && pid != null && pid != first;
            });
    ContainerStatus status = status(pod(client, "crashing"), "mysqld");
    assertThat(status.getRestartCount()).isEqualTo(1);
    // 128 + SIGKILL, as a container runtime reports it.
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(137);
    assertThat(query(pod(client, "crashing"), "SELECT note FROM app.t WHERE id = 1"))
        .isEqualTo("before kill");
  }

  @Test
  void aKilledMysqldStaysTerminatedUnderRestartPolicyNever(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) {
    client
        .resource(
            MysqlWorkloads.pod("once", mysqld())
                .editSpec()
                .withRestartPolicy("Never")
                .endSpec()
                .build())
        .create();
    await().atMost(STARTUP).until(() -> isReady(pod(client, "once")));

    kill(pid(kubelet, ns, "once"));

    await().atMost(Duration.ofSeconds(30)).until(() -> "Failed".equals(phase(pod(client, "once"))));
    Pod pod = pod(client, "once");
    ContainerStatus status = status(pod, "mysqld");
    assertThat(status.getRestartCount()).isZero();
    assertThat(status.getState().getTerminated().getExitCode()).isEqualTo(137);
    assertThat(status.getState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(isReady(pod)).isFalse();
    assertThat(kubelet.containerPids(ns.name(), "once")).isEmpty();
  }

  @Test
  void deletingAPodShutsMysqldDownCleanlyWithinTheGracePeriod(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet, @TempDir Path logs)
      throws Exception {
    // The error log goes to a hostPath volume, so it outlives the pod.
    Container container =
        new ContainerBuilder(mysqld())
            .addToArgs("--log-error=/var/log/mysql/error.log")
            .addNewVolumeMount()
            .withName("logs")
            .withMountPath("/var/log/mysql")
            .endVolumeMount()
            .build();
    client
        .resource(
            MysqlWorkloads.pod("doomed", container)
                .editSpec()
                .withTerminationGracePeriodSeconds(20L)
                .addNewVolume()
                .withName("logs")
                .withNewHostPath()
                .withPath(logs.toString())
                .endHostPath()
                .endVolume()
                .endSpec()
                .build())
        .create();
    await().atMost(STARTUP).until(() -> isReady(pod(client, "doomed")));
    long pid = pid(kubelet, ns, "doomed");

    client.pods().withName("doomed").delete();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                pod(client, "doomed") == null
                    && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    String log = Files.readString(logs.resolve("error.log"));
    assertThat(log).contains("Received SHUTDOWN from user <via user signal>", "Shutdown complete");
  }

  @Test
  void aPreStopSleepKeepsMysqldServingBeforeItsSigterm(
      KubernetesClient client, TestNamespace ns, ProcessKubelet kubelet) throws Exception {
    Container container =
        new ContainerBuilder(mysqld())
            .withNewLifecycle()
            .withNewPreStop()
            .withNewSleep(4L)
            .endPreStop()
            .endLifecycle()
            .build();
    client
        .resource(
            MysqlWorkloads.pod("draining", container)
                .editSpec()
                .withTerminationGracePeriodSeconds(30L)
                .endSpec()
                .build())
        .create();
    await().atMost(STARTUP).until(() -> isReady(pod(client, "draining")));
    String ip = pod(client, "draining").getStatus().getPodIP();
    long pid = pid(kubelet, ns, "draining");

    Instant deleted = Instant.now();
    client.pods().withName("draining").delete();

    // Deleted (terminating) in the API, yet its mysqld still answers until the hook ends.
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> pod(client, "draining").getMetadata().getDeletionTimestamp() != null);
    assertThat(query(ip, "SELECT 1")).isEqualTo("1");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    assertThat(Duration.between(deleted, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    await().atMost(Duration.ofSeconds(20)).until(() -> pod(client, "draining") == null);
  }

  /**
   * mysqld with an option it does not know. It rejects one only once InnoDB has started (the option
   * could have belonged to a plugin), so it runs on the seeded data directory and fails in seconds.
   */
  private static Container failingInitContainer() {
    return new ContainerBuilder()
        .withName("init-broken")
        .withImage("mysql:8.0")
        .withArgs(Stream.concat(SMALL.stream(), Stream.of("--no-such-option")).toList())
        .addNewVolumeMount()
        .withName("mysql-data")
        .withMountPath("/var/lib/mysql")
        .endVolumeMount()
        .build();
  }

  private static Pod pod(KubernetesClient client, String name) {
    return client.pods().withName(name).get();
  }

  private static ContainerStatus status(Pod pod, String container) {
    return pod.getStatus().getContainerStatuses().stream()
        .filter(s -> container.equals(s.getName()))
        .findFirst()
        .orElseThrow();
  }

  private static Long pid(ProcessKubelet kubelet, TestNamespace ns, String pod) {
    return kubelet.containerPids(ns.name(), pod).get("mysqld");
  }

  /** SIGKILL to a mysqld this test's kubelet started. */
  private static void kill(long pid) {
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
  }

  /** The first column of the first row of {@code sql}, run as root on the pod. */
  private static String query(Pod pod, String sql) throws SQLException {
    return query(pod.getStatus().getPodIP(), sql);
  }

  private static String query(String ip, String sql) throws SQLException {
    try (Connection c = connect(ip);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
