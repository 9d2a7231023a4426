package dev.moco4j.reconciler;

import dev.moco4j.service.ServiceLauncher;

/**
 * Starts the reconciler: {@code java -cp moco4j-reconciler.jar:lib/* dev.moco4j.reconciler.Main}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    ServiceLauncher.forService(ReconcilerVerticle.SERVICE)
        .launch(env -> new ReconcilerVerticle(ReconcilerConfig.fromEnv(env)));
  }
}
