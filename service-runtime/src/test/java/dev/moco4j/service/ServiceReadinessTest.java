package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ServiceReadinessTest {

  private final ServiceReadiness readiness = new ServiceReadiness();

  @Test
  void isReadyOnlyBetweenStartAndStop() {
    assertThat(readiness.notReadyReason()).contains("starting");
    readiness.started();
    assertThat(readiness.isReady()).isTrue();
    readiness.stopping();
    assertThat(readiness.notReadyReason()).contains("stopping");
  }

  @Test
  void namesTheFirstFailingCheck() {
    AtomicBoolean synced = new AtomicBoolean();
    readiness.started();
    readiness.require("informers", synced::get);
    readiness.require(
        "event bus",
        () -> {
          throw new IllegalStateException("not joined");
        });

    assertThat(readiness.notReadyReason()).contains("waiting for event bus");
    readiness.require("event bus", () -> true);
    assertThat(readiness.notReadyReason()).contains("waiting for informers");
    synced.set(true);
    assertThat(readiness.isReady()).isTrue();
  }
}
