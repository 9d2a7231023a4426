package dev.moco4j.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;

/** How a service gets its Vert.x instance: local to the process, or on the clustered event bus. */
@FunctionalInterface
public interface VertxFactory {

  /**
   * @param builder a builder the launcher may have set up already (metrics)
   * @param options the options to build with, completed by the factory and passed to {@code
   *     builder}
   */
  Future<Vertx> create(VertxBuilder builder, VertxOptions options);

  /** Builds with default options and no metrics. */
  default Future<Vertx> create() {
    return create(Vertx.builder(), new VertxOptions());
  }

  /** A Vert.x whose event bus reaches only this process. */
  static VertxFactory local() {
    return (builder, options) -> Future.succeededFuture(builder.with(options).build());
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
