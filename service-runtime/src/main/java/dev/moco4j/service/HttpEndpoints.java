package dev.moco4j.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * The service's one HTTP port, for Kubernetes probes and Prometheus:
 *
 * <ul>
 *   <li>{@code /healthz}: 200 while an event loop answers, so a wedged process is restarted;
 *   <li>{@code /readyz}: 200 when {@link ServiceReadiness} says ready, else 503 with the reason;
 *   <li>{@code /metrics}: the Prometheus text format of {@link ServiceMetrics}.
 * </ul>
 */
public final class HttpEndpoints {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final ServiceMetrics metrics;
  private final ServiceReadiness readiness;

  public HttpEndpoints(ServiceMetrics metrics, ServiceReadiness readiness) {
    this.metrics = metrics;
    this.readiness = readiness;
  }

  /** Listens on {@code config}'s host and port; port 0 picks a free one (see the server's port). */
  public Future<HttpServer> listen(Vertx vertx, HttpConfig config) {
    return vertx
        .createHttpServer()
        .requestHandler(this::handle)
        .listen(config.port(), config.host());
  }

  private void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      request.response().setStatusCode(405).putHeader("allow", "GET, HEAD").end();
      return;
    }
    switch (request.path()) {
      case "/healthz" -> text(request, 200, "ok\n");
      case "/readyz" -> {
        Optional<String> reason = readiness.notReadyReason();
        text(request, reason.isEmpty() ? 200 : 503, reason.orElse("ready") + "\n");
      }
      case "/metrics" ->
          request.response().putHeader("content-type", PROMETHEUS_TEXT).end(metrics.scrape());
      default -> text(request, 404, "not found: try /healthz, /readyz or /metrics\n");
    }
  }

  private static void text(HttpServerRequest request, int status, String body) {
    request
        .response()
        .setStatusCode(status)
        .putHeader("content-type", "text/plain; charset=utf-8")
        .end(body);
  }
}
