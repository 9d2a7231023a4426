package dev.moco4j.local.junit;

import dev.moco4j.local.controlplane.LocalControlPlane;
import dev.moco4j.local.kubelet.ProcessKubelet;
import dev.moco4j.local.proxy.ServiceProxy;

/**
 * What one test class gets: the control plane and, when asked, the process kubelet and the Service
 * proxy on it.
 */
public record LocalStack(LocalControlPlane controlPlane, ProcessKubelet kubelet, ServiceProxy proxy)
    implements AutoCloseable {

  static LocalStack start(LocalKubernetes settings) {
    boolean kcm = settings.controllerManager() || settings.kubelet();
    LocalControlPlane plane = LocalControlPlane.start(kcm);
    if (!settings.kubelet()) {
      return new LocalStack(plane, null, null);
    }
    ProcessKubelet kubelet = null;
    try {
      kubelet = ProcessKubelet.start(plane.client(), plane.directory());
      return new LocalStack(plane, kubelet, ServiceProxy.start(plane.client()));
    } catch (RuntimeException e) {
      if (kubelet != null) {
        kubelet.close();
      }
      plane.close();
      throw e;
    }
  }

  /** Stops the kubelet's pods before the control plane they report to. */
  @Override
  public void close() {
    try {
      if (proxy != null) {
        proxy.close();
      }
      if (kubelet != null) {
        kubelet.close();
      }
    } finally {
      controlPlane.close();
    }
  }
}
