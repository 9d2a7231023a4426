package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

  private final ServiceMetrics metrics = ServiceMetrics.forService("probe-test");
  private final ServiceReadiness readiness = new ServiceReadiness();
  private final HttpClient http = HttpClient.newHttpClient();
  private Vertx vertx;
  private URI base;

  @BeforeEach
  void listen() throws Exception {
    vertx = Vertx.vertx();
    HttpServer server =
        new HttpEndpoints(metrics, readiness)
            .listen(vertx, new HttpConfig("127.0.0.1", 0))
            .await(Duration.ofSeconds(30));
    base = URI.create("http://127.0.0.1:" + server.actualPort());
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(Duration.ofSeconds(30));
    metrics.close();
    http.close();
  }

  @Test
  void healthzAnswersWhileReadyzFollowsTheServiceLifecycle() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> starting = get("/readyz");
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(starting.body()).isEqualTo("starting\n");

    readiness.started();
    assertThat(get("/readyz").statusCode()).isEqualTo(200);

    readiness.stopping();
    assertThat(get("/readyz").body()).isEqualTo("stopping\n");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsServesWhatTheServiceRegisteredInThePrometheusFormat() throws Exception {
    Counter.builder("moco4j_test_things").register(metrics.registry()).increment(3);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .contains(HttpEndpoints.PROMETHEUS_TEXT);
    assertThat(response.body())
        .contains("moco4j_test_things_total{service=\"probe-test\"} 3.0")
        .contains("jvm_threads_live_threads{service=\"probe-test\"}");
  }

  @Test
  void unknownPathsAndMethodsAreRefused() throws Exception {
    assertThat(get("/metrics/x").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(base.resolve("/readyz"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
