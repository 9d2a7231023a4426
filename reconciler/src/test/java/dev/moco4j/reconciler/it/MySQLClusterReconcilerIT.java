package dev.moco4j.reconciler.it;

import static dev.moco4j.reconciler.it.ReconcilerFixture.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterStatus;
import dev.moco4j.local.junit.LocalKubernetes;
import dev.moco4j.reconciler.ReconcileFindings;
import dev.moco4j.reconciler.ReconcilerStatus;
import dev.moco4j.reconciler.rollout.RolloutAction;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reconcile chain against a real kube-apiserver, one namespace per test. */
@LocalKubernetes(crds = true)
class MySQLClusterReconcilerIT {

  private static Condition condition(MySQLCluster cluster, String type) {
    return ReconcilerStatus.find(cluster.getStatus(), type).orElseThrow();
  }

  private static List<Event> warnings(KubernetesClient client, String reason) {
    return client.v1().events().list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()))
        .toList();
  }

  @Test
  void createsEveryObjectOwnedByTheClusterAndFollowsSpecChanges(KubernetesClient client)
      throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      String uid = f.createCluster().getMetadata().getUid();
      f.createUserConfigMap();

      f.reconcile();

      List<HasMetadata> owned =
          Stream.<HasMetadata>of(
                  f.statefulSet(),
                  client.services().withName(CLUSTER).get(),
                  client.services().withName(ResourceNames.primaryService(CLUSTER)).get(),
                  client.services().withName(ResourceNames.replicaService(CLUSTER)).get(),
                  client
                      .resources(ServiceAccount.class)
                      .withName(ResourceNames.serviceAccount(CLUSTER))
                      .get(),
                  client
                      .resources(PodDisruptionBudget.class)
                      .withName(ResourceNames.podDisruptionBudget(CLUSTER))
                      .get(),
                  client.secrets().withName(ResourceNames.operatorSecret(CLUSTER)).get(),
                  client.secrets().withName(ResourceNames.userSecret(CLUSTER)).get())
              .toList();
      assertThat(owned).doesNotContainNull();
      assertThat(owned)
          .allSatisfy(
              o ->
                  assertThat(o.getMetadata().getOwnerReferences())
                      .extracting(OwnerReference::getUid, OwnerReference::getController)
                      .containsExactly(tuple(uid, true)));
      String hashBefore = restartHash(f.statefulSet());

      f.editSpec(
          spec -> {
            ReconcilerFixture.setImage(spec, "mysql:8.0.42");
            spec.setReplicas(5);
          });
      f.reconcile();

      StatefulSet updated = f.statefulSet();
      assertThat(updated.getSpec().getReplicas()).isEqualTo(5);
      assertThat(updated.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
          .isEqualTo("mysql:8.0.42");
      assertThat(restartHash(updated)).isNotEqualTo(hashBefore);
      assertThat(f.cluster().getStatus().getReconcileInfo().observedGeneration())
          .isEqualTo(f.cluster().getMetadata().getGeneration());
    }
  }

  @Test
  void operatorPasswordsSurviveEveryReconcile(KubernetesClient client) throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      f.createCluster();
      f.createUserConfigMap();
      f.reconcile();
      Map<String, String> first = operatorSecret(client).getData();

      f.reconcile();
      client.secrets().withName(ResourceNames.userSecret(CLUSTER)).delete();
      f.reconcile();

      assertThat(first).hasSize(5);
      assertThat(operatorSecret(client).getData()).isEqualTo(first);
      assertThat(client.secrets().withName(ResourceNames.userSecret(CLUSTER)).get().getData())
          .containsEntry("WRITABLE_PASSWORD", first.get("WRITABLE_PASSWORD"));
    }
  }

  @Test
  void missingUserConfigMapIsReportedAndNothingIsRolledOut(KubernetesClient client)
      throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      f.createCluster();

      f.reconcile();
      f.reconcile();

      Condition success = condition(f.cluster(), ReconcilerStatus.RECONCILE_SUCCESS);
      assertThat(success.getStatus()).isEqualTo("False");
      assertThat(success.getReason()).isEqualTo("UserConfigMapMissing");
      assertThat(success.getMessage()).contains("ConfigMap shop-mycnf");
      assertThat(f.statefulSet()).isNull();
      assertThat(warnings(client, "UserConfigMapMissing")).hasSize(1);
    }
  }

  @Test
  void protectedMyCnfKeysAreReportedByName(KubernetesClient client) throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      f.createCluster();
      f.createUserConfigMap();

      f.reconcile();

      Condition success = condition(f.cluster(), ReconcilerStatus.RECONCILE_SUCCESS);
      assertThat(success.getReason()).isEqualTo("MyCnfEntriesRejected");
      assertThat(success.getMessage())
          .contains("gtid_mode", "loose-super-read-only", "skip-log-bin");
      assertThat(warnings(client, "MyCnfEntriesRejected"))
          .extracting(Event::getMessage)
          .anySatisfy(m -> assertThat(m).contains("my.cnf key gtid_mode"));
      assertThat(f.statefulSet()).isNotNull();
    }
  }

  @Test
  void stoppedReconciliationChangesNothingAndSaysSo(KubernetesClient client) throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      f.createCluster();
      f.createUserConfigMap();
      f.stopReconciliation();

      ReconcileFindings found = f.reconcile();

      assertThat(found.stopped()).isTrue();
      assertThat(f.statefulSet()).isNull();
      assertThat(client.secrets().withName(ResourceNames.operatorSecret(CLUSTER)).get()).isNull();
      assertThat(condition(f.cluster(), ReconcilerStatus.RECONCILE_SUCCESS).getReason())
          .isEqualTo("ReconciliationStopped");
    }
  }

  @Test
  void anObjectSomeoneElseOwnsIsNotTakenOver(KubernetesClient client) throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      f.createCluster();
      f.createUserConfigMap();
      client
          .resource(
              new ServiceBuilder()
                  .withNewMetadata()
                  .withName(ResourceNames.primaryService(CLUSTER))
                  .addToLabels("team", "theirs")
                  .endMetadata()
                  .withNewSpec()
                  .addNewPort()
                  .withPort(80)
                  .endPort()
                  .endSpec()
                  .build())
          .create();

      f.reconcile();

      Service theirs = client.services().withName(ResourceNames.primaryService(CLUSTER)).get();
      assertThat(theirs.getMetadata().getLabels()).containsOnly(Map.entry("team", "theirs"));
      assertThat(theirs.getMetadata().getOwnerReferences()).isEmpty();
      Condition success = condition(f.cluster(), ReconcilerStatus.RECONCILE_SUCCESS);
      assertThat(success.getReason()).isEqualTo("ObjectNotOwned");
      assertThat(success.getMessage()).contains("Service shop-primary");
      assertThat(warnings(client, "ObjectNotOwned")).hasSize(1);
    }
  }

  @Test
  void statusWritesKeepTheHealthMonitorsFieldsAndConditions(KubernetesClient client)
      throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      f.createCluster();
      f.createUserConfigMap();
      f.healthMonitorReports("Healthy", 1);

      f.reconcile();

      MySQLClusterStatus status = f.cluster().getStatus();
      assertThat(status.getState()).hasToString("HEALTHY");
      assertThat(status.getCurrentPrimaryIndex()).isEqualTo(1);
      assertThat(status.getConditions())
          .extracting(Condition::getType)
          .containsExactlyInAnyOrder("Healthy", "ReconcileSuccess", "StatefulSetReady");
    }
  }

  @Test
  void scalingDownBelowThePrimaryWaitsForASwitchover(KubernetesClient client) throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      f.createCluster();
      f.createUserConfigMap();
      f.reconcile();
      f.healthMonitorReports("Healthy", 2);

      client
          .resources(MySQLCluster.class)
          .withName(CLUSTER)
          .edit(
              c -> {
                c.getSpec().setReplicas(1);
                return c;
              });
      f.reconcile();

      assertThat(f.statefulSet().getSpec().getReplicas()).isEqualTo(3);
      assertThat(condition(f.cluster(), ReconcilerStatus.RECONCILE_SUCCESS).getMessage())
          .contains("would remove the primary (instance 2)", "switchover");
    }
  }

  /**
   * An operator upgrade restarts no MySQL pod: objects an earlier build applied (the golden files)
   * and pods running their template keep that template, and no pod is deleted.
   */
  @Test
  void reconcilingAnEarlierBuildsObjectsChangesNoPodTemplate(KubernetesClient client)
      throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      String uid = f.createCluster().getMetadata().getUid();
      f.createUserConfigMap();
      f.applyGolden("serviceaccount.yaml", ServiceAccount.class, uid);
      StatefulSet old = f.applyGolden("statefulset.yaml", StatefulSet.class, uid);
      List<Pod> pods = f.createReadyPods();
      f.healthMonitorReports("Healthy", 0);

      ReconcileFindings found = f.reconcile();

      StatefulSet after = f.statefulSet();
      assertThat(after.getSpec().getTemplate()).isEqualTo(old.getSpec().getTemplate());
      assertThat(after.getMetadata().getGeneration()).isEqualTo(old.getMetadata().getGeneration());
      assertThat(found.rollout()).isEqualTo(new RolloutAction.Done());
      assertThat(client.pods().list().getItems())
          .extracting(p -> p.getMetadata().getUid())
          .containsExactlyInAnyOrderElementsOf(
              pods.stream().map(p -> p.getMetadata().getUid()).toList());
    }
  }

  @Test
  void aChangedImageRestartsOneReplicaAtATime(KubernetesClient client) throws Exception {
    try (var f = new ReconcilerFixture(client)) {
      f.createCluster();
      f.createUserConfigMap();
      f.reconcile();
      f.createReadyPods();
      f.healthMonitorReports("Healthy", 0);

      f.editSpec(spec -> ReconcilerFixture.setImage(spec, "mysql:8.0.42"));
      ReconcileFindings first = f.reconcile();
      ReconcileFindings second = f.reconcile();

      assertThat(first.rollout()).isEqualTo(new RolloutAction.DeletePod("shop-2"));
      assertThat(second.rollout()).isInstanceOf(RolloutAction.Wait.class);
      assertThat(client.pods().list().getItems())
          .extracting(p -> p.getMetadata().getName())
          .containsExactlyInAnyOrder("shop-0", "shop-1");
      assertThat(condition(f.cluster(), ReconcilerStatus.STATEFUL_SET_READY).getMessage())
          .isEqualTo("waiting for instance 2 to be created");
    }
  }

  private static Secret operatorSecret(KubernetesClient client) {
    return client.secrets().withName(ResourceNames.operatorSecret(CLUSTER)).get();
  }

  private static String restartHash(StatefulSet sts) {
    return sts.getSpec().getTemplate().getMetadata().getAnnotations().get(Annotations.RESTART_HASH);
  }
}
