package dev.moco4j.healthmonitor.kube;

import static dev.moco4j.healthmonitor.kube.KubeObjects.cluster;
import static dev.moco4j.healthmonitor.kube.KubeObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.api.v1beta1.RestoreSpec;
import dev.moco4j.clustering.PassInputs;
import dev.moco4j.clustering.model.ClusterObservation.SwitchoverRequest;
import dev.moco4j.clustering.model.PodFlags;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubePassInputsTest {

  @Test
  void aDeletedPodIsTerminatingAndADemoteAnnotationAsksToStepDown() {
    Pod deleting = pod("shop", "db", 0, "127.0.0.7");
    deleting.getMetadata().setDeletionTimestamp("2030-01-01T00:00:00Z");
    Pod demoted = pod("shop", "db", 1, "127.0.0.8");
    demoted.getMetadata().setAnnotations(Map.of(Annotations.DEMOTE, Annotations.TRUE));
    Pod plain = pod("shop", "db", 2, "127.0.0.9");

    PassInputs inputs =
        KubePassInputs.of(
            cluster("shop", "db", 3),
            ClusterPods.of(
                "shop", "db", 3, Map.of("db-0", deleting, "db-1", demoted, "db-2", plain)),
            Optional.empty());

    assertThat(inputs.pods())
        .containsEntry(0, new PodFlags(true, false))
        .containsEntry(1, new PodFlags(false, true))
        .containsEntry(2, PodFlags.NONE);
    assertThat(inputs.restorePending()).isFalse();
    assertThat(inputs.clusteringStopped()).isFalse();
  }

  @Test
  void aMissingPodHasNoFlagsAndASwitchoverRequestIsPassedOn() {
    SwitchoverRequest request = new SwitchoverRequest(Optional.of(2));

    PassInputs inputs =
        KubePassInputs.of(
            cluster("shop", "db", 3),
            ClusterPods.of("shop", "db", 3, Map.of()),
            Optional.of(request));

    assertThat(inputs.pods()).isEmpty();
    assertThat(inputs.switchover()).contains(request);
  }

  @Test
  void theClusteringStoppedAnnotationStopsClusteringOnlyWhenTrue() {
    MySQLCluster stopped = cluster("shop", "db", 1);
    stopped.getMetadata().setAnnotations(Map.of(Annotations.CLUSTERING_STOPPED, Annotations.TRUE));
    MySQLCluster notStopped = cluster("shop", "db", 1);
    notStopped.getMetadata().setAnnotations(Map.of(Annotations.CLUSTERING_STOPPED, "false"));

    assertThat(KubePassInputs.clusteringStopped(stopped)).isTrue();
    assertThat(KubePassInputs.clusteringStopped(notStopped)).isFalse();
  }

  @Test
  void aRestoreIsPendingUntilItsTimeIsRecorded() {
    MySQLCluster cluster = cluster("shop", "db", 1);
    assertThat(KubePassInputs.restorePending(cluster)).isFalse();

    cluster.getSpec().setRestore(new RestoreSpec("old", "shop", "2030-01-01T00:00:00Z", null));
    assertThat(KubePassInputs.restorePending(cluster)).isTrue();

    cluster.setStatus(new MySQLClusterStatus());
    cluster.getStatus().setRestoredTime("");
    assertThat(KubePassInputs.restorePending(cluster)).isTrue();

    cluster.getStatus().setRestoredTime("2030-01-01T00:00:00Z");
    assertThat(KubePassInputs.restorePending(cluster)).isFalse();
  }
}
