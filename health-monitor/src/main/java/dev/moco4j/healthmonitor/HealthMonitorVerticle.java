package dev.moco4j.healthmonitor;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The health-monitor's deployment: runs the clustering loop of each MySQLCluster (to come). */
public final class HealthMonitorVerticle extends VerticleBase {

  public static final String SERVICE = "health-monitor";

  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitorVerticle.class);

  private final HealthMonitorConfig config;

  public HealthMonitorVerticle(HealthMonitorConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LOG.info(
        "{} watching {}, checking every {}", SERVICE, config.namespaces(), config.checkInterval());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    LOG.info("{} verticle stopped", SERVICE);
    return Future.succeededFuture();
  }
}
