package dev.moco4j.healthmonitor;

import dev.moco4j.healthmonitor.kube.KubeCalls;
import dev.moco4j.healthmonitor.kube.PodStatusWriter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;

/**
 * What every cluster's loop shares.
 *
 * @param calls the pool on which Kubernetes API calls run
 * @param mysql where the engine's parallel reads of instances run (virtual threads)
 * @param listener told about every pass (metrics, event-bus snapshots)
 */
record LoopServices(
    KubernetesClient client,
    KubeCalls calls,
    HealthMonitorConfig config,
    ExecutorService mysql,
    PodStatusWriter pods,
    InstantSource clock,
    PassListener listener) {}
