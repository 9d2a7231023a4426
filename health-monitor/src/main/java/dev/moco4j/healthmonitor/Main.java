package dev.moco4j.healthmonitor;

import dev.moco4j.service.ServiceLauncher;

/**
 * Starts the health-monitor: {@code java -cp moco4j-health-monitor.jar:lib/*
 * dev.moco4j.healthmonitor.Main}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    ServiceLauncher.forService(HealthMonitorVerticle.SERVICE)
        .launch(
            env -> {
              HealthMonitorConfig config = HealthMonitorConfig.fromEnv(env);
              return new HealthMonitorVerticle(config, () -> ClusterLoops.connect(config));
            });
  }
}
