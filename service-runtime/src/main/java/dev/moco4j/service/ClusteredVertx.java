package dev.moco4j.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Objects;

/** Builds a Vert.x whose event bus joins the moco4j cluster, with mutual TLS between members. */
final class ClusteredVertx implements VertxFactory {

  private final EventBusConfig config;

  ClusteredVertx(EventBusConfig config) {
    this.config = Objects.requireNonNull(config);
  }

  @Override
  public Future<Vertx> create(VertxBuilder builder, VertxOptions options) {
    return builder
        .with(options.setEventBusOptions(eventBusOptions(config)))
        .withClusterManager(new HazelcastClusterManager(HazelcastSettings.of(config)))
        .buildClustered();
  }

  /**
   * Each member is both a TLS server (others connect to deliver to its consumers) and a TLS client,
   * and both ends present a certificate the CA signed: a process without one can neither send nor
   * receive. The client checks no host name, because members connect to pod IPs that a certificate
   * made once for all members cannot list; holding a certificate from the CA is the proof.
   */
  static EventBusOptions eventBusOptions(EventBusConfig config) {
    EventBusTls tls = config.tls();
    EventBusOptions options =
        new EventBusOptions()
            .setPort(config.eventBusPort())
            .setSsl(true)
            .setClientAuth(ClientAuth.REQUIRED)
            // Vert.x's event bus client trusts every server by default.
            .setTrustAll(false)
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .setKeyPath(tls.key().toString())
                    .setCertPath(tls.certificate().toString()))
            .setTrustOptions(new PemTrustOptions().addCertPath(tls.ca().toString()));
    config.host().ifPresent(options::setHost);
    return options;
  }
}
