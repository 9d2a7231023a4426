package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.names.Labels;
import dev.moco4j.clustering.model.Decision;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What one pod should show after a pass: its role label ({@link Labels#ROLE}, absent when it serves
 * neither role) and its readiness gate.
 *
 * @param role {@link Labels#ROLE_PRIMARY}, {@link Labels#ROLE_REPLICA} or empty
 * @param ready whether the instance serves its role: the primary takes writes (the decision says so
 *     by a Healthy or Degraded state), or a replica is synced (replicating from the primary,
 *     read-only, not errant, not too far behind)
 */
public record PodRole(Optional<String> role, boolean ready) {

  /**
   * The recorded primary keeps its label even when it fails, so the primary Service never points at
   * another instance before the status says so; it is then simply not ready. A replica gets its
   * label only while synced, so the replica Service never routes reads to errant or stale data.
   */
  public static List<PodRole> decide(int instances, int primary, Decision decision) {
    return IntStream.range(0, instances)
        .mapToObj(
            i -> {
              if (i == primary) {
                return new PodRole(
                    Optional.of(Labels.ROLE_PRIMARY),
                    ClusterStates.primaryServes(decision.state()));
              }
              if (decision.synced().contains(i)) {
                return new PodRole(Optional.of(Labels.ROLE_REPLICA), true);
              }
              return new PodRole(Optional.empty(), false);
            })
        .toList();
  }
}
