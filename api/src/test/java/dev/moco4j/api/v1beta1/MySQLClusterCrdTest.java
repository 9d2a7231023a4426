package dev.moco4j.api.v1beta1;

import static dev.moco4j.api.v1beta1.ChartCrds.rules;
import static dev.moco4j.api.v1beta1.ChartCrds.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import org.junit.jupiter.api.Test;

class MySQLClusterCrdTest {

  private final CustomResourceDefinition crd = ChartCrds.load(ChartCrds.MYSQL_CLUSTERS);
  private final CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);

  @Test
  void definesANamespacedMySQLClusterInTheMoco4jGroup() {
    assertThat(crd.getMetadata().getName()).isEqualTo("mysqlclusters.moco4j.dev");
    assertThat(crd.getSpec().getGroup()).isEqualTo("moco4j.dev");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("MySQLCluster");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("mysqlclusters");
    assertThat(crd.getSpec().getNames().getShortNames()).contains("mc");
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    assertThat(version.getName()).isEqualTo("v1beta1");
    assertThat(version.getServed()).isTrue();
    assertThat(version.getStorage()).isTrue();
  }

  @Test
  void survivesHelmUninstall() {
    assertThat(crd.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
  }

  @Test
  void hasAStatusSubresourceSoThatSpecAndStatusHaveSeparateWriters() {
    assertThat(version.getSubresources().getStatus()).isNotNull();
  }

  @Test
  void printsStatePrimarySyncedAndAgeInThatOrder() {
    assertThat(version.getAdditionalPrinterColumns())
        .filteredOn(c -> c.getPriority() == 0)
        .extracting(
            CustomResourceColumnDefinition::getName,
            CustomResourceColumnDefinition::getJsonPath,
            CustomResourceColumnDefinition::getType)
        .containsExactly(
            tuple("State", ".status.state", "string"),
            tuple("Primary", ".status.currentPrimaryIndex", "integer"),
            tuple("Synced", ".status.syncedReplicas", "integer"),
            tuple("Age", ".metadata.creationTimestamp", "date"));
  }

  @Test
  void printsReplicasAndErrantReplicasInWideOutput() {
    assertThat(version.getAdditionalPrinterColumns())
        .filteredOn(c -> c.getPriority() == 1)
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Replicas", "Errant");
  }

  @Test
  void requiresAnOddNumberOfReplicasAndDefaultsToOne() {
    var replicas = schema(crd, "spec", "replicas");
    assertThat(replicas.getMinimum()).isEqualTo(1.0);
    assertThat(replicas.getDefault().asInt()).isEqualTo(1);
    assertThat(rules(crd, "spec", "replicas"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getRule()).isEqualTo("self % 2 == 1");
              assertThat(r.getMessage()).contains("spec.replicas", "odd");
            });
  }

  @Test
  void requiresAPodTemplateWithAMysqldContainerThatHasAnImage() {
    assertThat(schema(crd, "spec").getRequired()).contains("podTemplate", "volumeClaimTemplates");
    assertThat(rules(crd, "spec", "podTemplate"))
        .hasSize(2)
        .anySatisfy(
            r -> {
              assertThat(r.getRule()).contains("self.spec.containers.exists(", "'mysqld'");
              assertThat(r.getMessage()).contains("spec.podTemplate", "mysqld");
            })
        .anySatisfy(
            r -> {
              assertThat(r.getRule()).contains("c.name != 'mysqld'", "size(c.image) > 0");
              assertThat(r.getMessage()).contains("spec.podTemplate", "mysqld", "image");
            });
  }

  @Test
  void checksEveryContainerQuantityAndBoundsTheMapsForTheCelCostBudget() {
    assertQuantityRule(
        new String[] {"spec", "podTemplate", "spec", "containers", "[]", "resources"},
        "!quantity(self).isLessThan(quantity('0'))",
        "non-negative Kubernetes quantity");
  }

  @Test
  void checksClaimSizesArePositiveQuantities() {
    assertQuantityRule(
        new String[] {"spec", "volumeClaimTemplates", "[]", "spec", "resources"},
        "quantity(self).isGreaterThan(quantity('0'))",
        "positive Kubernetes quantity");
  }

  // Both maps of a resources object: bounded, each value an int-or-string checked by one rule.
  private void assertQuantityRule(String[] resources, String comparison, String message) {
    for (String map : new String[] {"requests", "limits"}) {
      var quantities = schema(crd, ChartCrds.append(resources, map));
      assertThat(quantities.getMaxProperties()).isEqualTo(16L);
      var value = quantities.getAdditionalProperties().getSchema();
      assertThat(value.getXKubernetesIntOrString()).isTrue();
      assertThat(value.getMaxLength()).isEqualTo(64L);
      assertThat(value.getXKubernetesValidations())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.getRule()).contains("isQuantity(self)", comparison);
                assertThat(r.getMessage()).contains(message);
              });
    }
  }

  @Test
  void boundsTheContainerListSoTheMysqldRuleFitsTheCelCostBudget() {
    var containers = schema(crd, "spec", "podTemplate", "spec", "containers");
    assertThat(containers.getMaxItems()).isEqualTo(16L);
    assertThat(
            schema(crd, "spec", "podTemplate", "spec", "containers", "[]", "name").getMaxLength())
        .isEqualTo(63L);
    // The patch that adds the bounds must keep the rest of fabric8's PodSpec schema.
    assertThat(schema(crd, "spec", "podTemplate", "spec").getProperties())
        .containsKeys("containers", "initContainers", "affinity", "tolerations", "volumes");
    assertThat(schema(crd, "spec", "podTemplate", "spec", "containers", "[]").getProperties())
        .containsKeys("image", "resources", "env");
  }

  @Test
  void requiresAMysqlDataVolumeClaimTemplateAndBoundsTheList() {
    var templates = schema(crd, "spec", "volumeClaimTemplates");
    assertThat(templates.getMinItems()).isEqualTo(1L);
    assertThat(templates.getMaxItems()).isEqualTo(8L);
    assertThat(schema(crd, "spec", "volumeClaimTemplates", "[]", "metadata", "name").getMaxLength())
        .isEqualTo(63L);
    assertThat(rules(crd, "spec", "volumeClaimTemplates"))
        .anySatisfy(
            r -> {
              assertThat(r.getRule()).contains("self.exists(", "'mysql-data'");
              assertThat(r.getMessage()).contains("spec.volumeClaimTemplates", "mysql-data");
            })
        .anySatisfy(r -> assertThat(r.getMessage()).contains("distinct metadata.name"))
        .anySatisfy(
            r -> {
              assertThat(r.getRule()).contains("'storage' in t.spec.resources.requests");
              assertThat(r.getMessage())
                  .contains("mysql-data template needs spec.resources.requests.storage");
            });
    assertThat(schema(crd, "spec", "volumeClaimTemplates", "[]", "spec").getProperties())
        .containsKeys("resources", "storageClassName", "accessModes");
  }

  @Test
  void keepsRestoreImmutableOnceTheClusterExists() {
    assertThat(rules(crd, "spec"))
        .filteredOn(r -> r.getRule().contains("oldSelf.restore"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getRule())
                  .isEqualTo(
                      "has(self.restore) == has(oldSelf.restore)"
                          + " && (!has(self.restore) || self.restore == oldSelf.restore)");
              assertThat(r.getMessage()).contains("spec.restore is immutable");
            });
  }

  @Test
  void restoreNeedsASourceAPointInTimeAndABucket() {
    assertThat(schema(crd, "spec", "restore").getRequired())
        .containsExactlyInAnyOrder("sourceName", "sourceNamespace", "restorePoint", "bucket");
    assertThat(schema(crd, "spec", "restore", "restorePoint").getFormat()).isEqualTo("date-time");
    assertThat(schema(crd, "spec", "restore", "bucket").getRequired())
        .containsExactly("bucketName");
  }

  @Test
  void rejectsRestoringAndReplicatingFromAnExternalSourceAtOnce() {
    assertThat(rules(crd, "spec"))
        .anySatisfy(
            r -> {
              assertThat(r.getRule()).contains("replicationSourceSecretName");
              assertThat(r.getMessage()).contains("cannot both be set");
            });
  }

  @Test
  void keepsServerIdBaseImmutableAndPositiveWithDefaultOne() {
    var serverIdBase = schema(crd, "spec", "serverIDBase");
    assertThat(serverIdBase.getMinimum()).isEqualTo(1.0);
    assertThat(serverIdBase.getDefault().asInt()).isEqualTo(1);
    assertThat(rules(crd, "spec", "serverIDBase"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getRule()).isEqualTo("self == oldSelf");
              assertThat(r.getMessage()).contains("spec.serverIDBase is immutable");
            });
  }

  @Test
  void defaultsMaxDelayToSixtySeconds() {
    var maxDelay = schema(crd, "spec", "maxDelaySeconds");
    assertThat(maxDelay.getMinimum()).isEqualTo(0.0);
    assertThat(maxDelay.getDefault().asInt()).isEqualTo(60);
  }

  @Test
  void limitsTheClusterNameToWhatItsGeneratedObjectsCanCarry() {
    assertThat(rules(crd))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getRule()).contains("self.metadata.name", "40");
              assertThat(r.getMessage()).contains("metadata.name");
            });
  }

  @Test
  void keepsOptionalReferencesOptional() {
    assertThat(schema(crd, "spec").getProperties())
        .containsKeys(
            "mysqlConfigMapName",
            "primaryServiceTemplate",
            "replicaServiceTemplate",
            "replicationSourceSecretName",
            "backupPolicyName",
            "restore");
    assertThat(schema(crd, "spec").getRequired())
        .containsExactlyInAnyOrder("podTemplate", "volumeClaimTemplates");
    assertThat(schema(crd, "spec", "primaryServiceTemplate", "spec").getProperties())
        .containsKeys("type", "ports");
  }

  @Test
  void checksReferencedNamesAreKubernetesNames() {
    for (String field :
        new String[] {"mysqlConfigMapName", "replicationSourceSecretName", "backupPolicyName"}) {
      assertThat(rules(crd, "spec", field))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.getRule()).contains(ObjectNames.SUBDOMAIN);
                assertThat(r.getMessage()).startsWith("spec." + field + " must be the name of");
              });
    }
    assertThat(rules(crd, "spec", "restore"))
        .filteredOn(r -> r.getRule().contains(ObjectNames.LABEL))
        .extracting(r -> r.getFieldPath())
        .containsExactlyInAnyOrder(".sourceName", ".sourceNamespace");
    assertThat(rules(crd, "spec", "restore", "bucket"))
        .singleElement()
        .satisfies(r -> assertThat(r.getFieldPath()).isEqualTo(".credentialsSecretName"));
  }

  @Test
  void keepsErrantReplicasForAPersonUnlessAskedToReinitializeThem() {
    var recovery = schema(crd, "spec", "errantReplicaRecovery");
    assertThat(recovery.getEnum())
        .extracting(n -> n.asText())
        .containsExactlyInAnyOrder("Never", "Reinitialize");
    assertThat(recovery.getDefault().asText()).isEqualTo("Never");
    assertThat(recovery.getDescription()).contains("never the primary", "one instance at a time");
  }

  @Test
  void retainsVolumeClaimsOnDeletionAndScaleDownUnlessAskedToDeleteThem() {
    for (String event : new String[] {"whenDeleted", "whenScaled"}) {
      var action = schema(crd, "spec", "persistentVolumeClaimRetentionPolicy", event);
      assertThat(action.getEnum())
          .extracting(n -> n.asText())
          .containsExactlyInAnyOrder("Retain", "Delete");
      assertThat(action.getDefault().asText()).isEqualTo("Retain");
    }
    assertThat(schema(crd, "spec").getRequired())
        .doesNotContain("errantReplicaRecovery", "persistentVolumeClaimRetentionPolicy");
  }

  @Test
  void recordsTheErrantGtidSetOfEachErrantInstance() {
    var entry = schema(crd, "status", "errantGtidSets", "[]");
    assertThat(entry.getRequired()).containsExactlyInAnyOrder("index", "gtidSet");
    assertThat(schema(crd, "status", "errantGtidSets", "[]", "index").getMinimum()).isEqualTo(0.0);
  }

  @Test
  void reportsTheStateAsOneOfTheKnownStates() {
    assertThat(schema(crd, "status", "state").getEnum())
        .extracting(n -> n.asText())
        .containsExactlyInAnyOrder(
            "Healthy", "Degraded", "Failed", "Lost", "Cloning", "Restoring", "Incomplete");
  }

  @Test
  void keysConditionsByTypeSoEachServiceOwnsItsOwn() {
    var conditions = schema(crd, "status", "conditions");
    assertThat(conditions.getXKubernetesListType()).isEqualTo("map");
    assertThat(conditions.getXKubernetesListMapKeys()).containsExactly("type");
    assertThat(schema(crd, "status", "conditions", "[]").getProperties())
        .containsKeys(
            "type", "status", "reason", "message", "lastTransitionTime", "observedGeneration");
  }

  @Test
  void reportsPrimaryReplicasBackupAndReconcileProgressInStatus() {
    assertThat(schema(crd, "status").getProperties())
        .containsKeys(
            "currentPrimaryIndex",
            "syncedReplicas",
            "errantReplicas",
            "errantReplicaList",
            "cloned",
            "restoredTime",
            "backup",
            "reconcileInfo");
    assertThat(schema(crd, "status", "backup").getProperties())
        .containsKeys(
            "time",
            "elapsed",
            "sourceIndex",
            "sourceUUID",
            "binlogFilename",
            "gtidSet",
            "dumpSize",
            "binlogSize",
            "warnings");
    assertThat(schema(crd, "status", "reconcileInfo").getProperties())
        .containsKeys("observedGeneration", "reconcileVersion", "operatorVersion");
  }

  @Test
  void acceptsResourceQuantitiesAsNumbersOrStrings() {
    var requests =
        schema(crd, "spec", "podTemplate", "spec", "containers", "[]", "resources", "requests");
    assertThat(requests.getAdditionalProperties().getSchema().getXKubernetesIntOrString()).isTrue();
  }
}
