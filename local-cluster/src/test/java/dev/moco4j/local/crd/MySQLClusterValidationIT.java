package dev.moco4j.local.crd;

import static dev.moco4j.local.crd.Manifests.assertCreateRejected;
import static dev.moco4j.local.crd.Manifests.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.moco4j.local.junit.LocalKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CRD's validation rules as the real apiserver enforces them, with the message users see. */
@LocalKubernetes(crds = true)
class MySQLClusterValidationIT {

  private static final String VALID =
      """
      apiVersion: moco4j.dev/v1beta1
      kind: MySQLCluster
      metadata:
        name: %s
      spec:
        replicas: %d
        podTemplate:
          spec:
            containers:
            - name: mysqld
              image: mysql:8.0.31
              resources:
                requests: {cpu: 500m, memory: 1Gi}
        volumeClaimTemplates:
        - metadata:
            name: %s
          spec:
            accessModes: [ReadWriteOnce]
            resources:
              requests:
                storage: 1Gi
      %s
      """;

  private static final String RESTORE =
      """
        restore:
          sourceName: old-cluster
          sourceNamespace: production
          restorePoint: "2026-01-02T15:04:05Z"
          bucket:
            bucketName: backups
      """;

  @Test
  void aValidClusterIsAccepted(KubernetesClient client) {
    GenericKubernetesResource created =
        client.resource(cluster("ok", 3, "mysql-data", "")).create();

    assertThat(created.getMetadata().getUid()).isNotBlank();
  }

  @Test
  void quantitiesWrittenAsIntegersOrWithSuffixesAreAccepted(KubernetesClient client) {
    String yaml =
        yaml("quantities", 1, "mysql-data", "")
            .replace("{cpu: 500m, memory: 1Gi}", "{cpu: 2, memory: 1073741824}")
            .replace("storage: 1Gi", "storage: 10G");

    assertThat(client.resource(parse(yaml)).create().getMetadata().getUid()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
    "cpu: 500m, cpu: 2 cores, requests[cpu]",
    "cpu: 500m, cpu: -1, requests[cpu]",
    "memory: 1Gi, memory: 4GB, requests[memory]",
    "memory: 1Gi, memory: 4 Gi, requests[memory]",
  })
  void aContainerQuantityKubernetesCannotParseIsRejectedWhereItIs(
      String valid, String invalid, String entry, KubernetesClient client) {
    String yaml = yaml("badquantity", 1, "mysql-data", "").replace(valid, invalid);

    assertCreateRejected(
        client,
        parse(yaml),
        "spec.podTemplate.spec.containers[0].resources." + entry,
        "must be a non-negative Kubernetes quantity such as 500m, 2, 512Mi or 4Gi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10GB", "0", "0Gi", "-1Gi"})
  void aDataVolumeSizeThatIsNotAPositiveQuantityIsRejected(
      String storage, KubernetesClient client) {
    String yaml =
        yaml("badstorage", 1, "mysql-data", "").replace("storage: 1Gi", "storage: " + storage);

    assertCreateRejected(
        client,
        parse(yaml),
        "spec.volumeClaimTemplates[0].spec.resources.requests[storage]",
        "must be a positive Kubernetes quantity such as 10Gi");
  }

  @Test
  void aMysqlDataClaimWithoutAStorageRequestIsRejected(KubernetesClient client) {
    String yaml =
        yaml("nostorage", 1, "mysql-data", "").replace("storage: 1Gi", "ephemeral-storage: 1Gi");

    assertCreateRejected(
        client, parse(yaml), "the mysql-data template needs spec.resources.requests.storage");
  }

  @Test
  void aMysqldContainerWithoutAnImageIsRejected(KubernetesClient client) {
    String yaml = yaml("noimage", 1, "mysql-data", "").replace("image: mysql:8.0.31", "");

    assertCreateRejected(
        client, parse(yaml), "spec.podTemplate", "the mysqld container needs an image");
  }

  static Stream<Arguments> invalidReferences() {
    return Stream.of(
        arguments(
            "  mysqlConfigMapName: My_Config",
            "spec.mysqlConfigMapName must be the name of a ConfigMap"),
        arguments(
            "  replicationSourceSecretName: source.",
            "spec.replicationSourceSecretName must be the name of a Secret"),
        arguments(
            "  backupPolicyName: \"\"", "spec.backupPolicyName must be the name of a BackupPolicy"),
        arguments(
            RESTORE.replace("sourceName: old-cluster", "sourceName: Old"),
            "spec.restore.sourceName must be the name of the MySQLCluster"),
        arguments(
            RESTORE.replace("sourceNamespace: production", "sourceNamespace: prod.eu"),
            "spec.restore.sourceNamespace must be the name of a namespace"),
        arguments(
            RESTORE.replace(
                "bucketName: backups", "bucketName: backups\n      credentialsSecretName: S3_KEYS"),
            "bucket.credentialsSecretName must be the name of a Secret"));
  }

  @ParameterizedTest
  @MethodSource("invalidReferences")
  void aReferenceThatIsNotAKubernetesNameIsRejectedWithTheField(
      String extra, String message, KubernetesClient client) {
    assertCreateRejected(client, cluster("badname", 1, "mysql-data", extra), message);
  }

  @Test
  void validReferencesAndTheNewPoliciesAreAccepted(KubernetesClient client) {
    String extra =
        """
          mysqlConfigMapName: my.cnf-overrides
          replicationSourceSecretName: source-1
          backupPolicyName: daily
          errantReplicaRecovery: Reinitialize
          persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}
        """;

    GenericKubernetesResource created =
        client.resource(cluster("refs", 1, "mysql-data", extra)).create();

    Map<?, ?> spec = (Map<?, ?>) created.getAdditionalProperties().get("spec");
    assertThat(spec.get("persistentVolumeClaimRetentionPolicy"))
        .isEqualTo(Map.of("whenScaled", "Delete", "whenDeleted", "Retain"));
  }

  @Test
  void anUnknownErrantReplicaRecoveryIsRejected(KubernetesClient client) {
    assertCreateRejected(
        client,
        cluster("recovery", 1, "mysql-data", "  errantReplicaRecovery: Always"),
        "spec.errantReplicaRecovery",
        "\"Never\", \"Reinitialize\"");
  }

  @Test
  void anEvenNumberOfReplicasIsRejectedWithTheOddReplicasMessage(KubernetesClient client) {
    assertCreateRejected(
        client,
        cluster("even", 2, "mysql-data", ""),
        "spec.replicas",
        "spec.replicas must be a positive odd number (1, 3, 5, ...)");
  }

  @Test
  void aClusterWithoutAMysqlDataClaimIsRejectedWithTheClaimMessage(KubernetesClient client) {
    assertCreateRejected(
        client,
        cluster("nodata", 1, "scratch", ""),
        "spec.volumeClaimTemplates must include one named mysql-data");
  }

  @Test
  void changingTheRestorePointOfAnExistingClusterIsRejected(KubernetesClient client) {
    client.resource(cluster("restored", 1, "mysql-data", RESTORE)).create();
    GenericKubernetesResource changed =
        cluster("restored", 1, "mysql-data", RESTORE.replace("2026-01-02", "2026-01-03"));

    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class, () -> client.resource(changed).update());

    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getMessage()).contains("spec.restore is immutable");
  }

  @Test
  void addingARestoreToAnExistingClusterIsRejected(KubernetesClient client) {
    client.resource(cluster("plain", 1, "mysql-data", "")).create();

    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class,
            () -> client.resource(cluster("plain", 1, "mysql-data", RESTORE)).update());

    assertThat(e.getStatus().getMessage()).contains("spec.restore is immutable");
  }

  @Test
  void removingTheRestoreOfAnExistingClusterIsRejected(KubernetesClient client) {
    client.resource(cluster("unrestore", 1, "mysql-data", RESTORE)).create();

    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                client
                    .genericKubernetesResources("moco4j.dev/v1beta1", "MySQLCluster")
                    .withName("unrestore")
                    .edit(
                        r -> {
                          ((Map<?, ?>) r.getAdditionalProperties().get("spec")).remove("restore");
                          return r;
                        }));

    assertThat(e.getStatus().getMessage()).contains("spec.restore is immutable");
  }

  /** A MySQLCluster that is valid except for what the arguments change. */
  static GenericKubernetesResource cluster(String name, int replicas, String claim, String extra) {
    return parse(yaml(name, replicas, claim, extra));
  }

  private static String yaml(String name, int replicas, String claim, String extra) {
    return VALID.formatted(name, replicas, claim, extra);
  }
}
