package dev.moco4j.service;

import dev.moco4j.eventbus.MessageCodecs;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one moco4j service process: logging, Vert.x, the service's verticle, and an orderly stop on
 * SIGTERM. A service's {@code Main} is one call to {@link #launch}.
 */
public final class ServiceLauncher {

  /** Exit status when the verticle fails to deploy. */
  public static final int EXIT_START_FAILED = 1;

  /** Exit status when the configuration is missing or invalid. */
  public static final int EXIT_BAD_CONFIG = 2;

  // Below Kubernetes' default 30s grace period, so the stop is ours and not a SIGKILL.
  static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
  static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);

  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  private final String serviceName;
  private final Function<EnvConfig, VertxFactory> vertxFactory;
  private final Duration startTimeout;
  private final Duration shutdownTimeout;

  private ServiceLauncher(
      String serviceName,
      Function<EnvConfig, VertxFactory> vertxFactory,
      Duration startTimeout,
      Duration shutdown) {
    this.serviceName = Objects.requireNonNull(serviceName);
    this.vertxFactory = Objects.requireNonNull(vertxFactory);
    this.startTimeout = Objects.requireNonNull(startTimeout);
    this.shutdownTimeout = Objects.requireNonNull(shutdown);
  }

  /**
   * A launcher with the default timeouts whose Vert.x joins the clustered event bus when the
   * environment configures one ({@link VertxFactory#fromEnv}).
   */
  public static ServiceLauncher forService(String serviceName) {
    return new ServiceLauncher(
        serviceName, VertxFactory::fromEnv, DEFAULT_START_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT);
  }

  /** Uses {@code factory} whatever the environment says. */
  public ServiceLauncher withVertxFactory(VertxFactory factory) {
    return new ServiceLauncher(serviceName, env -> factory, startTimeout, shutdownTimeout);
  }

  public ServiceLauncher withStartTimeout(Duration timeout) {
    return new ServiceLauncher(serviceName, vertxFactory, timeout, shutdownTimeout);
  }

  public ServiceLauncher withShutdownTimeout(Duration timeout) {
    return new ServiceLauncher(serviceName, vertxFactory, startTimeout, timeout);
  }

  /**
   * Starts the service from the process environment and returns once it runs; Vert.x's threads keep
   * the process alive. Exits the JVM with {@link #EXIT_BAD_CONFIG} or {@link #EXIT_START_FAILED}
   * when it cannot start.
   *
   * @param verticleFromEnv builds the service's verticle from environment variables, throwing
   *     {@link ConfigException} when they are wrong
   */
  public void launch(Function<Map<String, String>, ? extends Deployable> verticleFromEnv) {
    launchWith(context -> verticleFromEnv.apply(context.env()));
  }

  /**
   * Like {@link #launch}, for a verticle that registers meters or readiness checks: it gets the
   * process's {@link ServiceContext}. Also serves {@code /healthz}, {@code /readyz} and {@code
   * /metrics} on the port {@link HttpConfig#fromEnv} names.
   */
  public void launchWith(Function<ServiceContext, ? extends Deployable> verticleFromContext) {
    LoggingSetup.configure();
    ServiceContext context =
        new ServiceContext(
            System.getenv(), ServiceMetrics.forService(serviceName), new ServiceReadiness());
    Deployable verticle;
    VertxFactory factory;
    HttpConfig http;
    try {
      EnvConfig env = EnvConfig.of(context.env());
      http = HttpConfig.fromEnv(env);
      verticle = verticleFromContext.apply(context);
      factory = vertxFactory.apply(env);
    } catch (ConfigException e) {
      LOG.error("{} cannot start: {}", serviceName, e.getMessage());
      System.exit(EXIT_BAD_CONFIG);
      return;
    }
    try {
      Vertx vertx = createVertx(factory, context.metrics());
      // Registered before deploying, so a SIGTERM during a slow start still closes Vert.x.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    // Probes see the stop before the work ends, so no new work is routed here.
                    context.readiness().stopping();
                    stop(vertx);
                  },
                  serviceName + "-shutdown"));
      var server =
          new HttpEndpoints(context.metrics(), context.readiness())
              .listen(vertx, http)
              .await(startTimeout);
      LOG.info(
          "{} serves /healthz, /readyz and /metrics on port {}", serviceName, server.actualPort());
      deploy(vertx, verticle);
      context.readiness().started();
    } catch (Exception e) {
      LOG.error("{} failed to start", serviceName, e);
      System.exit(EXIT_START_FAILED); // runs the shutdown hook, which closes Vert.x
    }
  }

  /** Creates Vert.x with the message codecs registered. Blocks: call from the main thread. */
  Vertx createVertx(VertxFactory factory) throws Exception {
    return createVertx(factory, null);
  }

  /**
   * @param metrics where Vert.x reports its own meters; null for none
   */
  Vertx createVertx(VertxFactory factory, ServiceMetrics metrics) throws Exception {
    LoggingSetup.configure();
    VertxOptions options = new VertxOptions();
    VertxBuilder builder =
        metrics == null ? Vertx.builder() : metrics.instrument(Vertx.builder(), options);
    Vertx vertx = factory.create(builder, options).await(startTimeout);
    MessageCodecs.registerAll(vertx.eventBus());
    return vertx;
  }

  /** Deploys the verticle and logs the start. Blocks: call from the main thread. */
  String deploy(Vertx vertx, Deployable verticle) throws Exception {
    String deploymentId = vertx.deployVerticle(verticle).await(startTimeout);
    LOG.info("{} started, version {}", serviceName, version(verticle));
    return deploymentId;
  }

  /**
   * Closes Vert.x, which stops the verticle, waiting at most the shutdown timeout so the process
   * always ends.
   *
   * @return whether it stopped within the timeout and without error
   */
  boolean stop(Vertx vertx) {
    LOG.info("{} stopping", serviceName);
    try {
      vertx.close().await(shutdownTimeout);
      LOG.info("{} stopped", serviceName);
      return true;
    } catch (Exception e) {
      LOG.warn("{} stopped without a clean close within {}", serviceName, shutdownTimeout, e);
      return false;
    }
  }

  /** From the service jar's manifest; absent when run from classes, as in tests and IDEs. */
  private static String version(Deployable verticle) {
    String version = verticle.getClass().getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
