package dev.moco4j.reconciler.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatefulSetModelTest {

  private static StatefulSet build(MySQLCluster cluster) {
    return MySQLClusterModel.fromCrd(cluster).statefulSet("moco4j-db-mycnf-0123456789");
  }

  private static StatefulSet minimalWith(Consumer<MySQLCluster> change) {
    MySQLCluster cluster = Clusters.minimal();
    change.accept(cluster);
    return build(cluster);
  }

  private static Container container(PodSpec spec, String name) {
    return spec.getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String restartHash(StatefulSet sts) {
    return sts.getSpec().getTemplate().getMetadata().getAnnotations().get(Annotations.RESTART_HASH);
  }

  @Test
  void podsAreReplacedOnlyByMoco4jAndStartTogether() {
    StatefulSet sts = build(Clusters.minimal());

    assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
    assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
    assertThat(sts.getSpec().getServiceName()).isEqualTo("db");
    assertThat(sts.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("MySQLCluster");
              assertThat(o.getController()).isTrue();
              assertThat(o.getUid()).isEqualTo("00000000-0000-0000-0000-000000000001");
            });
  }

  @Test
  void theSelectorPicksThePodsAndTheTenantCannotRelabelThem() {
    StatefulSet sts =
        minimalWith(
            c ->
                c.getSpec()
                    .setPodTemplate(
                        new dev.moco4j.api.v1beta1.PodTemplate(
                            new dev.moco4j.api.v1beta1.ObjectMetaTemplate(
                                null, Map.of(Labels.INSTANCE, "other", "team", "a"), null),
                            c.getSpec().getPodTemplate().spec())));

    assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(sts.getSpec().getSelector().getMatchLabels())
        .containsEntry("team", "a");
  }

  @Test
  void theInitContainerRunsTheMysqldImageAndTakesPasswordsOnlyFromTheSecret() {
    PodSpec pod = build(Clusters.threeInstances()).getSpec().getTemplate().getSpec();
    Container init = pod.getInitContainers().getFirst();

    assertThat(init.getName()).isEqualTo("moco4j-init");
    assertThat(init.getImage()).isEqualTo(container(pod, "mysqld").getImage());
    assertThat(init.getResources()).isEqualTo(container(pod, "mysqld").getResources());
    assertThat(init.getEnv())
        .filteredOn(e -> e.getName().endsWith("_PASSWORD"))
        .hasSize(5)
        .allSatisfy(
            e -> {
              assertThat(e.getValue()).isNull();
              assertThat(e.getValueFrom().getSecretKeyRef().getName())
                  .isEqualTo("moco4j-shop-operator");
            });
    assertThat(init.getEnv()).extracting(EnvVar::getName).contains("POD_NAME", "SERVER_ID_BASE");
    assertThat(String.join(" ", init.getCommand()))
        .contains("--initialize-insecure", "SET SESSION sql_log_bin = 0;", "${ADMIN_PASSWORD}");
  }

  @Test
  void serverIdBaseReachesTheInitScript() {
    StatefulSet sts = minimalWith(c -> c.getSpec().setServerIDBase(1000));

    assertThat(sts.getSpec().getTemplate().getSpec().getInitContainers().getFirst().getEnv())
        .contains(new EnvVar("SERVER_ID_BASE", "1000", null));
  }

  @Test
  void mysqldGetsTheGeneratedConfigTheDataVolumeAndTheReadinessGate() {
    PodSpec pod = build(Clusters.minimal()).getSpec().getTemplate().getSpec();
    Container mysqld = container(pod, "mysqld");

    assertThat(mysqld.getCommand()).containsExactly("mysqld");
    assertThat(mysqld.getArgs()).containsExactly("--defaults-file=/etc/moco4j/mysql/my.cnf");
    assertThat(mysqld.getVolumeMounts())
        .anySatisfy(
            m ->
                assertThat(m.getName() + "@" + m.getMountPath())
                    .isEqualTo("mysql-data@/var/lib/mysql"));
    assertThat(pod.getVolumes())
        .anySatisfy(
            v -> assertThat(v.getConfigMap().getName()).isEqualTo("moco4j-db-mycnf-0123456789"));
    assertThat(pod.getReadinessGates())
        .singleElement()
        .satisfies(g -> assertThat(g.getConditionType()).isEqualTo("moco4j.dev/ready"));
    assertThat(mysqld.getLivenessProbe().getTcpSocket().getPort().getStrVal()).isEqualTo("mysql");
    assertThat(mysqld.getStartupProbe().getTcpSocket()).isNotNull();
  }

  @Test
  void theTenantsArgumentsCannotBypassTheProtectedSettings() {
    StatefulSet sts =
        minimalWith(
            c -> {
              Container mysqld = c.getSpec().mysqldContainer().orElseThrow();
              mysqld.setCommand(List.of("bash"));
              mysqld.setArgs(List.of("--gtid-mode=OFF"));
            });

    Container mysqld = container(sts.getSpec().getTemplate().getSpec(), "mysqld");
    assertThat(mysqld.getCommand()).containsExactly("mysqld");
    assertThat(mysqld.getArgs()).noneMatch(a -> a.contains("gtid"));
  }

  @ParameterizedTest(name = "grace {0} s: preStop {1} s")
  @CsvSource(
      nullValues = "-",
      value = {"-, 60, 20", "30, 30, 10", "120, 120, 20", "2, 2, -"})
  void thePreStopPauseLeavesMysqldTwoThirdsOfTheGracePeriod(
      Long grace, long effectiveGrace, Long pause) {
    StatefulSet sts =
        minimalWith(
            c -> c.getSpec().getPodTemplate().spec().setTerminationGracePeriodSeconds(grace));

    PodSpec pod = sts.getSpec().getTemplate().getSpec();
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(effectiveGrace);
    Container mysqld = container(pod, "mysqld");
    if (pause == null) {
      assertThat(mysqld.getLifecycle()).isNull();
    } else {
      assertThat(mysqld.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(pause);
    }
  }

  @Test
  void aTenantsOwnPreStopHookIsKept() {
    StatefulSet sts =
        minimalWith(
            c ->
                c.getSpec()
                    .mysqldContainer()
                    .orElseThrow()
                    .setLifecycle(
                        new LifecycleBuilder()
                            .withNewPreStop()
                            .withNewSleep(3L)
                            .endPreStop()
                            .build()));

    assertThat(
            container(sts.getSpec().getTemplate().getSpec(), "mysqld")
                .getLifecycle()
                .getPreStop()
                .getSleep()
                .getSeconds())
        .isEqualTo(3L);
  }

  @Test
  void podsSpreadOverNodesUnlessTheTenantChoseAnAffinity() {
    var spread = build(Clusters.minimal()).getSpec().getTemplate().getSpec().getAffinity();
    assertThat(
            spread
                .getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution()
                .getFirst()
                .getPodAffinityTerm()
                .getTopologyKey())
        .isEqualTo("kubernetes.io/hostname");

    var tenant =
        new io.fabric8.kubernetes.api.model.AffinityBuilder()
            .withNewNodeAffinity()
            .endNodeAffinity()
            .build();
    StatefulSet sts = minimalWith(c -> c.getSpec().getPodTemplate().spec().setAffinity(tenant));
    assertThat(sts.getSpec().getTemplate().getSpec().getAffinity()).isEqualTo(tenant);
  }

  @Test
  void theRestartHashIgnoresWhatNeedsNoRestart() {
    String base = restartHash(build(Clusters.minimal()));

    assertThat(restartHash(build(Clusters.minimal()))).isEqualTo(base);
    assertThat(restartHash(minimalWith(c -> c.getSpec().setReplicas(5)))).isEqualTo(base);
    assertThat(restartHash(minimalWith(c -> c.getSpec().setMaxDelaySeconds(5)))).isEqualTo(base);
  }

  @Test
  void theRestartHashChangesWithTheImageTheConfigAndTheServerIdBase() {
    MySQLCluster cluster = Clusters.minimal();
    String base = restartHash(build(cluster));

    assertThat(
            restartHash(
                minimalWith(
                    c -> c.getSpec().mysqldContainer().orElseThrow().setImage("mysql:8.4.6"))))
        .isNotEqualTo(base);
    assertThat(restartHash(minimalWith(c -> c.getSpec().setServerIDBase(7)))).isNotEqualTo(base);
    assertThat(restartHash(MySQLClusterModel.fromCrd(cluster).statefulSet("moco4j-db-mycnf-x")))
        .isNotEqualTo(base);
  }

  @Test
  void volumeClaimTemplatesComeFromTheSpecWithTheStandardLabels() {
    StatefulSet sts = build(Clusters.threeInstances());

    assertThat(sts.getSpec().getVolumeClaimTemplates())
        .singleElement()
        .satisfies(
            pvc -> {
              assertThat(pvc.getMetadata().getName()).isEqualTo("mysql-data");
              assertThat(pvc.getMetadata().getLabels())
                  .containsEntry("backup", "daily")
                  .containsAllEntriesOf(Labels.standard("shop"));
              assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("fast");
            });
  }
}
