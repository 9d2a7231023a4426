package dev.moco4j.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializationTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @Test
  void clusterManifestReadsIntoTheClassesIgnoringFieldsOfNewerVersions() {
    MySQLCluster cluster =
        serialization.unmarshal(
            """
            apiVersion: moco4j.dev/v1beta1
            kind: MySQLCluster
            metadata: {name: db, namespace: shop}
            spec:
              replicas: 3
              fieldOfANewerVersion: {a: 1}
              errantReplicaRecovery: Reinitialize
              persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}
              podTemplate:
                metadata: {labels: {team: shop}}
                spec:
                  containers:
                  - name: mysqld
                    image: mysql:8.4.5
                    resources: {requests: {cpu: "2", memory: 4Gi}}
              volumeClaimTemplates:
              - metadata: {name: mysql-data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 100Gi}}
              restore:
                sourceName: old
                sourceNamespace: shop
                restorePoint: "2026-01-02T15:04:05Z"
                bucket: {bucketName: backups, usePathStyle: true, fieldOfANewerVersion: x}
            status:
              state: Healthy
              fieldOfANewerVersion: x
              currentPrimaryIndex: 2
              errantReplicaList: [1]
              errantGtidSets:
              - {index: 1, gtidSet: "3e11fa47-71ca-11e1-9e33-c80aa9429562:23-25"}
            """,
            MySQLCluster.class);

    MySQLClusterSpec spec = cluster.getSpec();
    assertThat(spec.getReplicas()).isEqualTo(3);
    assertThat(spec.getPodTemplate().metadata().labels()).containsEntry("team", "shop");
    assertThat(spec.mysqldContainer().orElseThrow().getResources().getRequests().get("memory"))
        .hasToString("4Gi");
    assertThat(
            spec.dataVolumeClaimTemplate()
                .orElseThrow()
                .spec()
                .getResources()
                .getRequests()
                .get("storage"))
        .hasToString("100Gi");
    assertThat(spec.getRestore().bucket().pathStyle()).isTrue();
    assertThat(spec.getServerIDBase()).isEqualTo(1);
    assertThat(cluster.getStatus().getState()).isEqualTo(ClusterState.HEALTHY);
    assertThat(cluster.getStatus().getCurrentPrimaryIndex()).isEqualTo(2);
    assertThat(cluster.getStatus().getErrantReplicaList()).containsExactly(1);
    assertThat(spec.getErrantReplicaRecovery()).isEqualTo(ErrantReplicaRecovery.REINITIALIZE);
    assertThat(spec.volumeClaimRetention().onScaleDown()).isEqualTo(VolumeClaimRetention.DELETE);
    assertThat(spec.volumeClaimRetention().onDelete()).isEqualTo(VolumeClaimRetention.RETAIN);
    assertThat(cluster.getStatus().getErrantGtidSets())
        .containsExactly(new ErrantGtidSet(1, "3e11fa47-71ca-11e1-9e33-c80aa9429562:23-25"));
  }

  @Test
  void clusterWritesOnlyTheFieldsThatAreSet() {
    var cluster = new MySQLCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withName("db").withNamespace("shop").build());
    cluster
        .getSpec()
        .setPodTemplate(
            new PodTemplate(
                null,
                new PodSpecBuilder()
                    .addToContainers(new ContainerBuilder().withName("mysqld").build())
                    .build()));
    var status = new MySQLClusterStatus();
    status.setState(ClusterState.DEGRADED);
    status.setBackup(
        new BackupSummary(
            "2026-01-02T03:00:00Z", "PT1M", null, 1, null, null, null, 10L, null, List.of()));
    cluster.setStatus(status);

    String json = serialization.asJson(cluster);

    assertThat(json)
        .contains("\"apiVersion\":\"moco4j.dev/v1beta1\"", "\"kind\":\"MySQLCluster\"")
        .contains("\"state\":\"Degraded\"", "\"replicas\":1", "\"dumpSize\":10")
        .contains("\"errantReplicaRecovery\":\"Never\"")
        .doesNotContain("null", "restore", "metadata\":{}", "mysqldContainer")
        .doesNotContain("persistentVolumeClaimRetentionPolicy", "volumeClaimRetention");
    assertThat(serialization.unmarshal(json, MySQLCluster.class).getStatus().getBackup())
        .isEqualTo(status.getBackup());
  }

  @Test
  void backupPolicyManifestReadsIntoTheClasses() {
    BackupPolicy policy =
        serialization.unmarshal(
            """
            apiVersion: moco4j.dev/v1beta1
            kind: BackupPolicy
            metadata: {name: daily}
            spec:
              schedule: "0 3 * * *"
              bucket: {bucketName: backups, endpointURL: "http://minio:9000", prefix: prod}
              continuousBinlogArchiving: {enabled: true, interval: 1m}
              retention: {keepLast: 7, maxAge: 30d}
            """,
            BackupPolicy.class);

    assertThat(policy.getSpec().getSchedule()).isEqualTo("0 3 * * *");
    assertThat(policy.getSpec().getBucket().endpointURL()).isEqualTo("http://minio:9000");
    assertThat(policy.getSpec().getContinuousBinlogArchiving().on()).isTrue();
    assertThat(policy.getSpec().getRetention().keepLast()).isEqualTo(7);
    assertThat(policy.getSpec().isSuspend()).isFalse();
  }
}
