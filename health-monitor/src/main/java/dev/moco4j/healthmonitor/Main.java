package dev.moco4j.healthmonitor;

import dev.moco4j.healthmonitor.bus.CommandHandler;
import dev.moco4j.healthmonitor.bus.StatusSnapshots;
import dev.moco4j.healthmonitor.metrics.ClusterMetrics;
import dev.moco4j.service.ServiceLauncher;
import java.time.Clock;

/**
 * Starts the health-monitor: {@code java -cp moco4j-health-monitor.jar:lib/*
 * dev.moco4j.healthmonitor.Main}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    ServiceLauncher.forService(HealthMonitorVerticle.SERVICE)
        .launchWith(
            context -> {
              HealthMonitorConfig config = HealthMonitorConfig.fromEnv(context.env());
              ClusterMetrics metrics = new ClusterMetrics(context.metrics().registry());
              return new HealthMonitorVerticle(
                  config,
                  vertx -> {
                    ClusterLoops loops =
                        ClusterLoops.connect(config)
                            .listening(
                                PassListener.all(
                                    metrics,
                                    new StatusSnapshots(vertx.eventBus(), Clock.systemUTC())));
                    new CommandHandler(loops).register(vertx);
                    return loops;
                  });
            });
  }
}
