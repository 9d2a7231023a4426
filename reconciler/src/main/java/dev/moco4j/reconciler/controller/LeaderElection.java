package dev.moco4j.reconciler.controller;

import java.time.Duration;

/**
 * Where and how reconciler replicas elect the one that acts: a Lease named {@code leaseName} in
 * {@code namespace}, held by {@code identity}.
 */
public record LeaderElection(
    String namespace,
    String leaseName,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public static final String LEASE_NAME = "moco4j-reconciler";

  /** Kubernetes' own controllers' timings: a dead leader is replaced within about 15 seconds. */
  public static LeaderElection standard(String namespace, String identity) {
    return new LeaderElection(
        namespace,
        LEASE_NAME,
        identity,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }
}
