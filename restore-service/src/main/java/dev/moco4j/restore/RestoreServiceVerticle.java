package dev.moco4j.restore;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The restore-service's deployment: restores new clusters from backups (to come). */
public final class RestoreServiceVerticle extends VerticleBase {

  public static final String SERVICE = "restore-service";

  private static final Logger LOG = LoggerFactory.getLogger(RestoreServiceVerticle.class);

  private final RestoreServiceConfig config;

  public RestoreServiceVerticle(RestoreServiceConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LOG.info(
        "{} watching {}, at most {} restores at once",
        SERVICE,
        config.namespaces(),
        config.maxConcurrentRestores());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    LOG.info("{} verticle stopped", SERVICE);
    return Future.succeededFuture();
  }
}
