package dev.moco4j.healthmonitor;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The health-monitor's deployment: runs the clustering loop of each watched MySQLCluster. */
public final class HealthMonitorVerticle extends VerticleBase {

  public static final String SERVICE = "health-monitor";

  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitorVerticle.class);

  private final HealthMonitorConfig config;
  private final Function<Vertx, ? extends ClusterWatch> watches;
  private ClusterWatch watch;

  /**
   * @param watches makes the watch to run on the verticle's Vert.x, e.g. {@code vertx ->
   *     ClusterLoops.connect(config)}
   */
  public HealthMonitorVerticle(
      HealthMonitorConfig config, Function<Vertx, ? extends ClusterWatch> watches) {
    this.config = config;
    this.watches = watches;
  }

  @Override
  public Future<?> start() {
    LOG.info(
        "{} watching {}, checking every {}", SERVICE, config.namespaces(), config.checkInterval());
    watch = watches.apply(vertx);
    // Starting waits for the informers' first listing: off the event loop.
    return blocking(watch::start);
  }

  @Override
  public Future<?> stop() {
    ClusterWatch stopping = watch;
    return stopping == null
        ? Future.succeededFuture()
        : blocking(stopping::close).onComplete(r -> LOG.info("{} verticle stopped", SERVICE));
  }

  private Future<Void> blocking(Runnable work) {
    return Future.fromCompletionStage(
        CompletableFuture.runAsync(work, r -> Thread.ofVirtual().name(SERVICE + "-watch").start(r)),
        context);
  }
}
