package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link TestServiceMain} as its own JVM, the way Kubernetes runs a service. */
class ServiceLauncherProcessTest {

  // Generous: two cores are shared with other builds, and a cold JVM with Vert.x is slow there.
  private static final Duration START_WITHIN = Duration.ofSeconds(60);
  private static final Duration EXIT_WITHIN = Duration.ofSeconds(15);
  private static final int SIGTERM_EXIT_STATUS = 128 + 15;
  private static final Pattern SERVED_ON =
      Pattern.compile("serves /healthz, /readyz and /metrics on port (\\d+)");

  @TempDir Path tempDir;

  @Test
  void startsThenStopsCleanlyOnSigterm() throws Exception {
    Path output = tempDir.resolve("output.log");
    Process process = startChild(Map.of(), output);
    try {
      await().atMost(START_WITHIN).until(() -> read(output).contains("test-service started"));
      Matcher served = SERVED_ON.matcher(read(output));
      assertThat(served.find()).isTrue();
      URI base = URI.create("http://127.0.0.1:" + served.group(1));

      assertThat(get(base.resolve("/healthz")).statusCode()).isEqualTo(200);
      await().atMost(EXIT_WITHIN).until(() -> get(base.resolve("/readyz")).statusCode() == 200);
      HttpResponse<String> metrics = get(base.resolve("/metrics"));
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("jvm_memory_used_bytes{")
          .contains("service=\"test-service\"")
          // Vert.x's own meters: the HTTP server counts the requests above.
          .contains("vertx_http_server_requests_total{");

      process.destroy(); // SIGTERM

      assertThat(process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(SIGTERM_EXIT_STATUS);
      assertThat(read(output))
          .contains("test-service started, version development")
          .contains("test.jul - jul reaches logback")
          .containsSubsequence("test-service stopping", "test verticle stopped")
          .contains("test-service stopped");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void exitsNonZeroNamingTheCauseWhenTheVerticleFailsToDeploy() throws Exception {
    Path output = tempDir.resolve("output.log");
    Process process = startChild(Map.of(TestVerticle.MODE_ENV, "fail-start"), output);
    try {
      assertThat(process.waitFor(START_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(ServiceLauncher.EXIT_START_FAILED);
      assertThat(read(output))
          .contains("test-service failed to start")
          .contains("test verticle refused to start")
          .doesNotContain("test-service started");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void exitsWithConfigErrorNamingTheMissingVariable() throws Exception {
    Path output = tempDir.resolve("output.log");
    Process process = startChild(Map.of(TestVerticle.MODE_ENV, "config"), output);
    try {
      assertThat(process.waitFor(START_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(ServiceLauncher.EXIT_BAD_CONFIG);
      assertThat(read(output))
          .contains("test-service cannot start: " + TestVerticle.MISSING_ENV + " is not set");
    } finally {
      process.destroyForcibly();
    }
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static Process startChild(Map<String, String> env, Path output) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx128m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    TestServiceMain.class.getName()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().remove(TestVerticle.MISSING_ENV);
    // Any free port: tests run side by side.
    builder.environment().put(HttpConfig.PORT_ENV, "0");
    builder.environment().putAll(env);
    return builder.start();
  }

  private static String read(Path output) {
    try {
      return Files.exists(output) ? Files.readString(output) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
