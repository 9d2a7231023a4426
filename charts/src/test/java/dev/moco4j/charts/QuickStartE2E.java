package dev.moco4j.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.ClusterState;
import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's quick start as a user runs it: {@code local-cluster/bin/moco4j-local up} (the stack with
 * moco4j's four charts installed), {@code kubectl apply -f examples/mysqlcluster.yaml}, a write
 * through the cluster's {@code -primary} Service with the credentials Secret, then {@code down}.
 * Runs after the services' jars are built, which the stack runs as the images.
 */
class QuickStartE2E {

  private static final Path REPO = Charts.DIR.getParent();
  private static final Path COMMAND = REPO.resolve("local-cluster/bin/moco4j-local");

  @TempDir Path parent;
  private Path dir;

  @AfterEach
  void downEvenWhenTheTestFailed() throws Exception {
    if (dir != null) {
      run("down", "--dir", dir.toString());
    }
  }

  @Test
  void upInstallsMoco4jAndTheExampleBecomesAClusterThatTakesWrites() throws Exception {
    dir = parent.resolve("stack");

    String up = run("up", "--dir", dir.toString());

    assertThat(up).contains("moco4j's services run in namespace moco4j-system");
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                Config.fromKubeconfig(
                    Files.readString(dir.resolve("kubeconfig"), StandardCharsets.UTF_8)))
            .build()) {
      assertThat(client.apps().deployments().inNamespace("moco4j-system").list().getItems())
          .extracting(d -> d.getMetadata().getName())
          .containsExactlyInAnyOrder(
              "moco4j-reconciler",
              "moco4j-health-monitor",
              "moco4j-backup-service",
              "moco4j-restore-service");
      MySQLCluster example =
          client
              .resources(MySQLCluster.class)
              .load(Files.newInputStream(REPO.resolve("examples/mysqlcluster.yaml")))
              .item();
      example.getMetadata().setNamespace("default");
      long applied = System.nanoTime();
      client.resource(example).create();
      String name = example.getMetadata().getName();
      await()
          .atMost(Duration.ofMinutes(6))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> state(client, name) == ClusterState.HEALTHY);
      System.out.printf(
          "quick start: apply -> Healthy in %d ms%n", (System.nanoTime() - applied) / 1_000_000);

      String primary =
          client
              .services()
              .inNamespace("default")
              .withName(ResourceNames.primaryService(name))
              .get()
              .getSpec()
              .getClusterIP();
      String password =
          new String(
              Base64.getDecoder()
                  .decode(
                      client
                          .secrets()
                          .inNamespace("default")
                          .withName(ResourceNames.userSecret(name))
                          .get()
                          .getData()
                          .get(MySQLUsers.WRITABLE.passwordKey())),
              StandardCharsets.UTF_8);
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:mysql://"
                      + primary
                      + ":3306/?connectTimeout=5000&sslMode=DISABLED&allowPublicKeyRetrieval=true",
                  MySQLUsers.WRITABLE.userName(),
                  password);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE app");
        s.execute("CREATE TABLE app.orders (id INT PRIMARY KEY)");
        s.execute("INSERT INTO app.orders VALUES (1)");
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app.orders")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
      }
    }

    run("down", "--dir", dir.toString());
    assertThat(dir).doesNotExist();
    dir = null;
  }

  private static ClusterState state(KubernetesClient client, String name) {
    MySQLCluster cluster =
        client.resources(MySQLCluster.class).inNamespace("default").withName(name).get();
    return cluster == null || cluster.getStatus() == null ? null : cluster.getStatus().getState();
  }

  /** Runs the command as a user would; fails the test on a non-zero exit status. */
  private static String run(String... args) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(COMMAND.toString()), List.of(args).stream())
                    .toList())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(List.of(args) + " did not finish: " + output);
    }
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
