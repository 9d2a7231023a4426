package dev.moco4j.local.junit;

import dev.moco4j.local.controlplane.LocalControlPlane;

/** What one test class gets: the control plane. */
public record LocalStack(LocalControlPlane controlPlane) implements AutoCloseable {

  static LocalStack start(LocalKubernetes settings) {
    return new LocalStack(LocalControlPlane.start(settings.controllerManager()));
  }

  @Override
  public void close() {
    controlPlane.close();
  }
}
