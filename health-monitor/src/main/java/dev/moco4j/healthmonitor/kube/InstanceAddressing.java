package dev.moco4j.healthmonitor.kube;

import java.util.Locale;

/** How the health-monitor, and the replicas it configures, address each MySQL instance. */
public enum InstanceAddressing {
  /**
   * The pod's stable DNS name under the cluster's headless Service. It survives the pod being
   * re-created with another IP, so a replica still names its primary the same way after that.
   */
  DNS,
  /**
   * The pod's IP, for a platform without cluster DNS (the local stack). An IP changes when a pod is
   * re-created.
   */
  POD_IP;

  /** Parses {@code dns} or {@code pod-ip}. */
  public static InstanceAddressing parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "dns" -> DNS;
      case "pod-ip" -> POD_IP;
      default -> throw new IllegalArgumentException("expected dns or pod-ip, got " + value);
    };
  }
}
