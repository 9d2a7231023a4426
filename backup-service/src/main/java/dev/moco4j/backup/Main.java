package dev.moco4j.backup;

import dev.moco4j.service.ServiceLauncher;

/**
 * Starts the backup-service: {@code java -cp moco4j-backup-service.jar:lib/*
 * dev.moco4j.backup.Main}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    ServiceLauncher.forService(BackupServiceVerticle.SERVICE)
        .launch(env -> new BackupServiceVerticle(BackupServiceConfig.fromEnv(env)));
  }
}
