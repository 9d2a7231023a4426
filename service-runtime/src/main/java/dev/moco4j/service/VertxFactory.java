package dev.moco4j.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** How a service gets its Vert.x instance: local to the process, or on the clustered event bus. */
@FunctionalInterface
public interface VertxFactory {

  Future<Vertx> create();

  /** A Vert.x whose event bus reaches only this process. */
  static VertxFactory local() {
    return () -> Future.succeededFuture(Vertx.builder().build());
  }

  /** A Vert.x on the clustered event bus {@code config} describes. */
  static VertxFactory clustered(EventBusConfig config) {
    return new ClusteredVertx(config);
  }

  /**
   * Clustered when the environment names the other members (see {@link EventBusConfig#fromEnv}),
   * local otherwise.
   *
   * @throws ConfigException when the event bus settings are invalid
   */
  static VertxFactory fromEnv(EnvConfig env) {
    return EventBusConfig.fromEnv(env).map(VertxFactory::clustered).orElseGet(VertxFactory::local);
  }
}
