package dev.moco4j.local.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.moco4j.local.junit.LocalKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
  void anEvenNumberOfReplicasIsRejectedWithTheOddReplicasMessage(KubernetesClient client) {
    KubernetesClientException e = rejected(client, cluster("even", 2, "mysql-data", ""));

    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getMessage())
        .contains("spec.replicas")
        .contains("spec.replicas must be a positive odd number (1, 3, 5, ...)");
  }

  @Test
  void aClusterWithoutAMysqlDataClaimIsRejectedWithTheClaimMessage(KubernetesClient client) {
    KubernetesClientException e = rejected(client, cluster("nodata", 1, "scratch", ""));

    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getMessage())
        .contains("spec.volumeClaimTemplates must include one named mysql-data");
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

  private static KubernetesClientException rejected(
      KubernetesClient client, GenericKubernetesResource cluster) {
    return catchThrowableOfType(
        KubernetesClientException.class, () -> client.resource(cluster).create());
  }

  /** A MySQLCluster that is valid except for what the arguments change. */
  static GenericKubernetesResource cluster(String name, int replicas, String claim, String extra) {
    String yaml = VALID.formatted(name, replicas, claim, extra);
    return io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        GenericKubernetesResource.class);
  }
}
