package dev.moco4j.local.junit;

import dev.moco4j.local.controlplane.LocalControlPlane;
import dev.moco4j.local.kubelet.ProcessKubelet;

/** What one test class gets: the control plane and, when asked, the process kubelet on it. */
public record LocalStack(LocalControlPlane controlPlane, ProcessKubelet kubelet)
    implements AutoCloseable {

  static LocalStack start(LocalKubernetes settings) {
    boolean kcm = settings.controllerManager() || settings.kubelet();
    LocalControlPlane plane = LocalControlPlane.start(kcm);
    if (!settings.kubelet()) {
      return new LocalStack(plane, null);
    }
    try {
      return new LocalStack(plane, ProcessKubelet.start(plane.client(), plane.directory()));
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  /** Stops the kubelet's pods before the control plane they report to. */
  @Override
  public void close() {
    try {
      if (kubelet != null) {
        kubelet.close();
      }
    } finally {
      controlPlane.close();
    }
  }
}
