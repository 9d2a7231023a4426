package dev.moco4j.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The process's Prometheus registry: the JVM's meters, Vert.x's own (event loops, event bus, HTTP)
 * once {@link #instrument} has set up the Vert.x builder, and whatever the service registers.
 */
public final class ServiceMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  private ServiceMetrics(String service) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** A registry whose every meter carries {@code service="<service>"}. */
  public static ServiceMetrics forService(String service) {
    return new ServiceMetrics(service);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Everything in the Prometheus text format, as {@code /metrics} serves it. */
  public String scrape() {
    return registry.scrape();
  }

  /** Makes the Vert.x that {@code builder} builds report into this registry. */
  VertxBuilder instrument(VertxBuilder builder, VertxOptions options) {
    options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    return builder.with(options).withMetrics(new MicrometerMetricsFactory(registry));
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
