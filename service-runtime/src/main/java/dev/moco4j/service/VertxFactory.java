package dev.moco4j.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * How a service gets its Vert.x instance. This is the seam for the clustered event bus: a factory
 * that builds with a cluster manager and {@code buildClustered()} replaces {@link #local()}.
 */
@FunctionalInterface
public interface VertxFactory {

  Future<Vertx> create();

  /** A Vert.x whose event bus reaches only this process. */
  static VertxFactory local() {
    return () -> Future.succeededFuture(Vertx.builder().build());
  }
}
