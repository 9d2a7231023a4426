package dev.moco4j.api.v1beta1;

import static dev.moco4j.api.v1beta1.ChartCrds.rules;
import static dev.moco4j.api.v1beta1.ChartCrds.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import org.junit.jupiter.api.Test;

class BackupPolicyCrdTest {

  private final CustomResourceDefinition crd = ChartCrds.load(ChartCrds.BACKUP_POLICIES);
  private final CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);

  @Test
  void definesANamespacedBackupPolicyWithAStatusSubresource() {
    assertThat(crd.getMetadata().getName()).isEqualTo("backuppolicies.moco4j.dev");
    assertThat(crd.getSpec().getGroup()).isEqualTo("moco4j.dev");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("BackupPolicy");
    assertThat(version.getName()).isEqualTo("v1beta1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(crd.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
  }

  @Test
  void requiresAFiveFieldCronScheduleOrAMacro() {
    var schedule = schema(crd, "spec", "schedule");
    assertThat(schema(crd, "spec").getRequired()).contains("schedule", "bucket");
    assertThat(schedule.getMaxLength()).isEqualTo(256L);
    assertThat(rules(crd, "spec", "schedule"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getRule()).isEqualTo(CronSchedule.RULE);
              assertThat(r.getMessage())
                  .contains("spec.schedule must be a cron expression of 5 fields", "@daily");
            });
  }

  @Test
  void rejectsZeroIntervalsAndAges() {
    assertThat(rules(crd, "spec", "continuousBinlogArchiving"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getFieldPath()).isEqualTo(".interval");
              assertThat(r.getMessage())
                  .contains("spec.continuousBinlogArchiving.interval must be at least 1s");
            });
    assertThat(rules(crd, "spec", "retention"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getFieldPath()).isEqualTo(".maxAge");
              assertThat(r.getMessage()).contains("spec.retention.maxAge must be at least 1s");
            });
  }

  @Test
  void checksTheCredentialsSecretNameIsAKubernetesName() {
    assertThat(rules(crd, "spec", "bucket"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getFieldPath()).isEqualTo(".credentialsSecretName");
              assertThat(r.getRule()).contains(ObjectNames.SUBDOMAIN);
            });
  }

  @Test
  void requiresABucketName() {
    var bucket = schema(crd, "spec", "bucket");
    assertThat(bucket.getRequired()).containsExactly("bucketName");
    assertThat(bucket.getProperties())
        .containsKeys(
            "bucketName",
            "endpointURL",
            "region",
            "usePathStyle",
            "credentialsSecretName",
            "prefix");
    assertThat(schema(crd, "spec", "bucket", "usePathStyle").getDefault().asBoolean()).isFalse();
  }

  @Test
  void defaultsContinuousArchivingToOffEveryFiveMinutes() {
    assertThat(schema(crd, "spec", "continuousBinlogArchiving", "enabled").getDefault().asBoolean())
        .isFalse();
    var interval = schema(crd, "spec", "continuousBinlogArchiving", "interval");
    assertThat(interval.getDefault().asText()).isEqualTo("5m");
    assertThat(interval.getPattern()).isEqualTo(Durations.PATTERN);
  }

  @Test
  void retainsByCountOrAge() {
    assertThat(schema(crd, "spec", "retention", "keepLast").getMinimum()).isEqualTo(1.0);
    assertThat(schema(crd, "spec", "retention", "maxAge").getPattern())
        .isEqualTo(Durations.PATTERN);
    assertThat(schema(crd, "spec", "suspend").getDefault().asBoolean()).isFalse();
  }

  @Test
  void reportsLastSuccessfulAndFailedBackups() {
    assertThat(schema(crd, "status").getProperties())
        .containsKeys("conditions", "lastSuccessfulBackupTime", "lastFailedBackupTime");
    assertThat(schema(crd, "status", "conditions").getXKubernetesListType()).isEqualTo("map");
  }

  @Test
  void printsScheduleSuspendLastSuccessAndAgeInThatOrder() {
    assertThat(version.getAdditionalPrinterColumns())
        .filteredOn(c -> c.getPriority() == 0)
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Schedule", "Suspend", "Last Success", "Age");
  }
}
