package dev.moco4j.reconciler;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reconciler's deployment: owns the Kubernetes objects of each MySQLCluster (to come). */
public final class ReconcilerVerticle extends VerticleBase {

  public static final String SERVICE = "reconciler";

  private static final Logger LOG = LoggerFactory.getLogger(ReconcilerVerticle.class);

  private final ReconcilerConfig config;

  public ReconcilerVerticle(ReconcilerConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LOG.info(
        "{} watching {}, resync every {}", SERVICE, config.namespaces(), config.resyncPeriod());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    LOG.info("{} verticle stopped", SERVICE);
    return Future.succeededFuture();
  }
}
