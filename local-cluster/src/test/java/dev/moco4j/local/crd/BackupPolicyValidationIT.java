package dev.moco4j.local.crd;

import static dev.moco4j.local.crd.Manifests.assertCreateRejected;
import static dev.moco4j.local.crd.Manifests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.local.junit.LocalKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The BackupPolicy CRD's validation rules as the real apiserver enforces them. */
@LocalKubernetes(crds = true)
class BackupPolicyValidationIT {

  private static final String VALID =
      """
      apiVersion: moco4j.dev/v1beta1
      kind: BackupPolicy
      metadata:
        name: daily
      spec:
        schedule: "%s"
        bucket:
          bucketName: backups
          credentialsSecretName: s3-keys
        continuousBinlogArchiving:
          enabled: true
          interval: "%s"
        retention:
          keepLast: 7
          maxAge: "%s"
      """;

  @ParameterizedTest
  @ValueSource(strings = {"0 3 * * *", "*/15 0-6 1,15 JAN-JUN mon-fri", "@daily", "@annually"})
  void fiveFieldSchedulesAndMacrosAreAccepted(String schedule, KubernetesClient client) {
    GenericKubernetesResource created = client.resource(policy(schedule, "1s", "30d")).create();

    assertThat(created.getMetadata().getUid()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 3 * * *", "0 3 * *", "@every 1h", "TZ=UTC 0 3 * * *", "daily"})
  void aScheduleThatIsNotFiveCronFieldsOrAMacroIsRejected(
      String schedule, KubernetesClient client) {
    assertCreateRejected(
        client,
        policy(schedule, "5m", "30d"),
        "spec.schedule",
        "must be a cron expression of 5 fields",
        "@every and TZ= are not supported");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "0m", "0h0m0s", "00s"})
  void aZeroBinlogArchivingIntervalIsRejected(String interval, KubernetesClient client) {
    assertCreateRejected(
        client,
        policy("@daily", interval, "30d"),
        "spec.continuousBinlogArchiving.interval",
        "must be at least 1s");
  }

  @Test
  void aZeroMaximumAgeIsRejected(KubernetesClient client) {
    assertCreateRejected(
        client, policy("@daily", "5m", "0d"), "spec.retention.maxAge", "must be at least 1s");
  }

  @Test
  void aCredentialsSecretNameThatIsNotAKubernetesNameIsRejected(KubernetesClient client) {
    GenericKubernetesResource policy =
        parse(
            VALID
                .formatted("@daily", "5m", "30d")
                .replace("credentialsSecretName: s3-keys", "credentialsSecretName: S3_KEYS"));

    assertCreateRejected(
        client, policy, "spec.bucket.credentialsSecretName", "must be the name of a Secret");
  }

  private static GenericKubernetesResource policy(String schedule, String interval, String age) {
    return parse(VALID.formatted(schedule, interval, age));
  }
}
