package dev.moco4j.restore;

import dev.moco4j.service.ServiceLauncher;

/**
 * Starts the restore-service: {@code java -cp moco4j-restore-service.jar:lib/*
 * dev.moco4j.restore.Main}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    ServiceLauncher.forService(RestoreServiceVerticle.SERVICE)
        .launch(env -> new RestoreServiceVerticle(RestoreServiceConfig.fromEnv(env)));
  }
}
