package dev.moco4j.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySQLClusterSpecTest {

  @Test
  void newSpecCarriesTheSchemaDefaults() {
    var spec = new MySQLClusterSpec();

    assertThat(spec.getReplicas()).isEqualTo(1);
    assertThat(spec.getServerIDBase()).isEqualTo(1);
    assertThat(spec.getMaxDelaySeconds()).isEqualTo(60);
    assertThat(spec.getErrantReplicaRecovery()).isEqualTo(ErrantReplicaRecovery.NEVER);
    assertThat(new MySQLCluster().getSpec()).isNotNull();
  }

  @Test
  void volumeClaimsAreRetainedOnBothEventsWhenThePolicyOrAnEventIsUnset() {
    var spec = new MySQLClusterSpec();
    assertThat(spec.volumeClaimRetention().onDelete()).isEqualTo(VolumeClaimRetention.RETAIN);
    assertThat(spec.volumeClaimRetention().onScaleDown()).isEqualTo(VolumeClaimRetention.RETAIN);

    spec.setPersistentVolumeClaimRetentionPolicy(
        new VolumeClaimRetentionPolicy(VolumeClaimRetention.DELETE, null));
    assertThat(spec.volumeClaimRetention().onDelete()).isEqualTo(VolumeClaimRetention.DELETE);
    assertThat(spec.volumeClaimRetention().onScaleDown()).isEqualTo(VolumeClaimRetention.RETAIN);

    spec.setPersistentVolumeClaimRetentionPolicy(
        new VolumeClaimRetentionPolicy(null, VolumeClaimRetention.DELETE));
    assertThat(spec.volumeClaimRetention().onDelete()).isEqualTo(VolumeClaimRetention.RETAIN);
    assertThat(spec.volumeClaimRetention().onScaleDown()).isEqualTo(VolumeClaimRetention.DELETE);
  }

  @Test
  void mysqldContainerIsTheContainerNamedMysqld() {
    var spec = new MySQLClusterSpec();
    spec.setPodTemplate(
        new PodTemplate(
            null,
            new PodSpecBuilder()
                .addToContainers(new ContainerBuilder().withName("sidecar").build())
                .addToContainers(
                    new ContainerBuilder().withName("mysqld").withImage("mysql:8.4.5").build())
                .build()));

    assertThat(spec.mysqldContainer().orElseThrow().getImage()).isEqualTo("mysql:8.4.5");
  }

  @Test
  void mysqldContainerIsEmptyWithoutTemplateOrContainers() {
    var spec = new MySQLClusterSpec();
    assertThat(spec.mysqldContainer()).isEmpty();

    spec.setPodTemplate(new PodTemplate(null, new PodSpecBuilder().build()));
    assertThat(spec.mysqldContainer()).isEmpty();
  }

  @Test
  void dataVolumeClaimTemplateIsTheOneNamedMysqlData() {
    var spec = new MySQLClusterSpec();
    var logs = new VolumeClaimTemplate(ObjectMetaTemplate.named("logs"), claim());
    var data = new VolumeClaimTemplate(ObjectMetaTemplate.named("mysql-data"), claim());
    spec.setVolumeClaimTemplates(List.of(logs, data));

    assertThat(spec.dataVolumeClaimTemplate()).containsSame(data);
  }

  @Test
  void dataVolumeClaimTemplateIsEmptyWhenNoneIsNamedMysqlData() {
    var spec = new MySQLClusterSpec();
    assertThat(spec.dataVolumeClaimTemplate()).isEmpty();

    spec.setVolumeClaimTemplates(List.of(new VolumeClaimTemplate(null, claim())));
    assertThat(spec.dataVolumeClaimTemplate()).isEmpty();
  }

  @Test
  void replicatesFromExternalSourceOnlyWhenASecretIsNamed() {
    var spec = new MySQLClusterSpec();
    assertThat(spec.replicatesFromExternalSource()).isFalse();

    spec.setReplicationSourceSecretName("");
    assertThat(spec.replicatesFromExternalSource()).isFalse();

    spec.setReplicationSourceSecretName("source");
    assertThat(spec.replicatesFromExternalSource()).isTrue();
  }

  private static PersistentVolumeClaimSpec claim() {
    return new PersistentVolumeClaimSpec();
  }
}
