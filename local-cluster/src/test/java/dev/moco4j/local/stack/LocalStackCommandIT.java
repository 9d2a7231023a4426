package dev.moco4j.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.local.binaries.TestBinaries;
import dev.moco4j.local.crd.Moco4jCrds;
import dev.moco4j.local.kubelet.MysqlWorkloads;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The README's quick start as a user runs it: {@code bin/moco4j-local up}, use the cluster with
 * kubectl and the S3 settings it printed, {@code bin/moco4j-local down}, and nothing is left.
 */
class LocalStackCommandIT {

  private static final Path COMMAND = Path.of("bin/moco4j-local").toAbsolutePath();

  @TempDir Path parent;
  private Path dir;

  @AfterEach
  void downEvenWhenTheTestFailed() throws Exception {
    if (dir != null) {
      run("down");
    }
  }

  @Test
  void upStartsAWorkingStackAndDownStopsEveryProcessItStarted() throws Exception {
    dir = parent.resolve("stack");

    // The stack alone: installing moco4j's charts into it is QuickStartE2E's (charts module), which
    // runs after the services' jars are built.
    Result up = run("up", "--dir", dir.toString(), "--no-operator");

    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output()).contains("export KUBECONFIG=" + dir.resolve("kubeconfig"));
    long stackPid = Long.parseLong(Files.readString(Path.of(dir + ".pid")).strip());
    List<Long> processes = recordedPids();
    assertThat(processes).as("etcd, apiserver, controller-manager, minio").hasSizeGreaterThan(3);

    Result nodes =
        kubectl(
            "get",
            "node",
            "moco4j-local",
            "-o",
            "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
    assertThat(nodes.output()).as(nodes.output()).isEqualTo("True");
    try (KubernetesClient client = client()) {
      assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
          .filteredOn(crd -> crd.getSpec().getGroup().equals("moco4j.dev"))
          .hasSize(2)
          .allMatch(Moco4jCrds::isEstablished);
      client.resource(MysqlWorkloads.statefulSet("db", 1)).create();
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> MysqlWorkloads.isReady(client.pods().withName("db-0").get()));
      Pod pod = client.pods().withName("db-0").get();
      try (Connection c = MysqlWorkloads.connect(pod.getStatus().getPodIP());
          ResultSet rs = c.createStatement().executeQuery("SELECT @@version")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).startsWith("8.0");
      }
      processes = recordedPids();
    }
    try (S3Client s3 = s3()) {
      assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("moco4j");
    }
    assertThat(run("status").exitCode()).isZero();

    Result down = run("down");

    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(ProcessHandle.of(stackPid)).isEmpty();
    assertThat(processes).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    assertThat(dir).doesNotExist();
    assertThat(run("status").exitCode()).isEqualTo(3);
    dir = null;
  }

  @Test
  void upRefusesADirectoryLeftBehindInsteadOfTakingItOver() throws Exception {
    Path leftover = Files.createDirectories(parent.resolve("old"));
    dir = null;

    Result up = run("up", "--dir", leftover.toString());

    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.output()).contains(leftover + " exists but no stack runs there");
  }

  /** Every PID the stack's processes recorded (control plane, MinIO, pods' containers). */
  private List<Long> recordedPids() throws IOException {
    try (var files = Files.walk(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".pid"))
          .filter(f -> f.getParent().getFileName().toString().equals("pids"))
          .map(LocalStackCommandIT::readPid)
          .toList();
    }
  }

  private static long readPid(Path file) {
    try {
      return Long.parseLong(Files.readString(file).strip());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private KubernetesClient client() throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(
            Config.fromKubeconfig(
                Files.readString(dir.resolve("kubeconfig"), StandardCharsets.UTF_8)))
        .build();
  }

  private S3Client s3() throws IOException {
    Properties env = new Properties();
    try (var in = Files.newBufferedReader(dir.resolve(LocalStackMain.S3_ENV_FILE))) {
      env.load(in);
    }
    return S3Client.builder()
        .endpointOverride(URI.create(env.getProperty("MOCO4J_S3_ENDPOINT")))
        .region(Region.of(env.getProperty("AWS_REGION")))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    env.getProperty("AWS_ACCESS_KEY_ID"),
                    env.getProperty("AWS_SECRET_ACCESS_KEY"))))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private Result kubectl(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                TestBinaries.locate().kubectl().toString(),
                "--kubeconfig",
                dir.resolve("kubeconfig").toString()));
    command.addAll(List.of(args));
    return exec(command, Map.of());
  }

  private Result run(String command, String... options) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of(COMMAND.toString(), command));
    if (options.length > 0) {
      argv.addAll(List.of(options));
    } else {
      argv.addAll(List.of("--dir", dir.toString()));
    }
    return exec(argv, Map.of("JAVA_HOME", System.getProperty("java.home")));
  }

  private static Result exec(List<String> command, Map<String, String> environment)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish: " + output);
    }
    return new Result(process.exitValue(), output.strip());
  }

  private record Result(int exitCode, String output) {}
}
