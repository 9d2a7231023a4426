package dev.moco4j.reconciler.it;

import static dev.moco4j.reconciler.it.ReconcilerFixture.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.reconciler.controller.LeaderElection;
import dev.moco4j.reconciler.controller.ReconcilerController;
import dev.moco4j.service.WatchedNamespaces;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two reconciler replicas on one Lease: only the holder acts, and the other takes over. */
@LocalKubernetes(crds = true)
class LeaderElectionIT {

  private static ReconcilerController replica(ReconcilerFixture f, String identity) {
    return new ReconcilerController(
        f.client,
        WatchedNamespaces.of(Set.of(f.namespace)),
        Duration.ofMinutes(5),
        new LeaderElection(
            f.namespace,
            LeaderElection.LEASE_NAME,
            identity,
            Duration.ofSeconds(4),
            Duration.ofSeconds(3),
            Duration.ofMillis(500)),
        f.reconciler,
        f.pool);
  }

  @Test
  void onlyTheLeaseHolderReconcilesAndTheOtherTakesOverWhenItLeaves(KubernetesClient client) {
    try (var f = new ReconcilerFixture(client);
        var a = replica(f, "replica-a");
        var b = replica(f, "replica-b")) {
      a.start();
      await().until(() -> leaseHolder(client) != null);
      b.start();
      f.createUserConfigMap();
      f.createCluster();

      await().atMost(Duration.ofSeconds(60)).until(() -> f.statefulSet() != null);
      ReconcilerController leader = "replica-a".equals(leaseHolder(client)) ? a : b;
      ReconcilerController follower = leader == a ? b : a;
      await().during(Duration.ofSeconds(2)).until(() -> follower.reconcileCount() == 0);
      assertThat(leader.reconcileCount()).isPositive();

      leader.close();
      client.apps().statefulSets().withName(CLUSTER).delete();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> follower.reconcileCount() > 0 && f.statefulSet() != null);
    }
  }

  private static String leaseHolder(KubernetesClient client) {
    var lease = client.leases().withName(LeaderElection.LEASE_NAME).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }
}
