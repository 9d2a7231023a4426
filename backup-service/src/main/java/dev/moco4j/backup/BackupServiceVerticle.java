package dev.moco4j.backup;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The backup-service's deployment: schedules and runs backups to the bucket (to come). */
public final class BackupServiceVerticle extends VerticleBase {

  public static final String SERVICE = "backup-service";

  private static final Logger LOG = LoggerFactory.getLogger(BackupServiceVerticle.class);

  private final BackupServiceConfig config;

  public BackupServiceVerticle(BackupServiceConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LOG.info(
        "{} watching {}, at most {} backups at once",
        SERVICE,
        config.namespaces(),
        config.maxConcurrentBackups());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    LOG.info("{} verticle stopped", SERVICE);
    return Future.succeededFuture();
  }
}
