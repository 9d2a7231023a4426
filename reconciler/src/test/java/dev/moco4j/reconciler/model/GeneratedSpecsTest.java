package dev.moco4j.reconciler.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.VolumeClaimTemplate;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property tests over seeded random valid specs: structural rules of the StatefulSet and the
 * my.cnf's safe values, checked against rules written out here, not the model's code. Rerun one
 * case with {@code -Dmodel.seed=<seed>} as printed on failure.
 *
 * <p>Whether the API server accepts every generated StatefulSet (an apiserver dry-run create on the
 * local control plane) belongs to the reconciler's integration tests, which come with its
 * operations.
 */
class GeneratedSpecsTest {

  private static final int CASES = 100;

  /** The values the clustering rules need, whatever the tenant writes (MySQL's spelling). */
  private static final Map<String, String> SAFE =
      Map.of(
          "gtid_mode", "ON",
          "enforce_gtid_consistency", "ON",
          "binlog_format", "ROW",
          "log_bin", "binlog",
          "log_replica_updates", "ON",
          "super_read_only", "ON",
          "skip_replica_start", "ON",
          "relay_log_recovery", "OFF",
          "rpl_semi_sync_source_timeout", "4294967295",
          "datadir", "/var/lib/mysql/data");

  /** Options that would undo a safe value; none may appear in the generated file. */
  private static final Set<String> NEVER =
      Set.of(
          "server_id",
          "skip_log_bin",
          "disable_log_bin",
          "skip_super_read_only",
          "log_slave_updates",
          "skip_slave_start");

  @Test
  void everyValidSpecGivesAWellFormedStatefulSetAndASafeMyCnf() {
    long base = Long.getLong("model.seed", 20260101L);
    int cases = System.getProperty("model.seed") == null ? CASES : 1;
    for (long seed = base; seed < base + cases; seed++) {
      RandomClusters generator = new RandomClusters(seed);
      MySQLCluster cluster = generator.next();
      Map<String, String> userCnf = generator.myCnf();
      try {
        check(cluster, userCnf);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "seed " + seed + " (rerun with -Dmodel.seed=" + seed + "): " + e.getMessage(), e);
      }
    }
  }

  private static void check(MySQLCluster cluster, Map<String, String> userCnf) {
    MySQLClusterModel model = MySQLClusterModel.fromCrd(cluster);
    MyCnf cnf = model.myCnf(userCnf);
    checkMyCnf(cnf, userCnf);
    StatefulSet sts = model.statefulSet(cnf.configMapName());
    checkStructure(cluster, sts, cnf.configMapName());

    String yaml = Clusters.yaml(sts);
    // Serializes, and reads back to the same document (a value that does not survive the trip,
    // such as an unserializable field, would differ).
    assertThat(Clusters.yaml(Clusters.YAML.unmarshal(yaml, StatefulSet.class))).isEqualTo(yaml);
    // Same spec, maps rebuilt in another order by a YAML round trip: the same objects.
    MySQLCluster copy = Clusters.fromYaml(Clusters.yaml(cluster));
    assertThat(Clusters.yaml(MySQLClusterModel.fromCrd(copy).statefulSet(cnf.configMapName())))
        .isEqualTo(yaml);
    assertThat(MySQLClusterModel.fromCrd(copy).myCnf(userCnf).content()).isEqualTo(cnf.content());
    Stream.of(model.headlessService(), model.primaryService(), model.replicaService())
        .forEach(
            s ->
                assertThat(s.getSpec().getSelector())
                    .containsAllEntriesOf(Labels.selector(cluster.getMetadata().getName()))
                    .doesNotContainKey("app"));
  }

  private static void checkMyCnf(MyCnf cnf, Map<String, String> userCnf) {
    Map<String, String> applied = MyCnfText.mysqld(cnf.content());
    assertThat(applied).containsAllEntriesOf(SAFE).doesNotContainKeys(NEVER.toArray(String[]::new));
    for (String key : userCnf.keySet()) {
      String name = key.toLowerCase().replace('-', '_').replaceFirst("^loose_", "");
      boolean undoesSafe =
          SAFE.containsKey(name) || NEVER.contains(name) || name.equals("skip_super_read_only");
      if (undoesSafe) {
        assertThat(cnf.rejected()).contains(new MyCnf.Rejected(key, MyCnf.Reason.PROTECTED));
      }
    }
  }

  private static void checkStructure(MySQLCluster cluster, StatefulSet sts, String myCnfName) {
    String name = cluster.getMetadata().getName();
    assertThat(sts.getMetadata().getName()).isEqualTo(name);
    assertThat(sts.getSpec().getReplicas()).isEqualTo(cluster.getSpec().getReplicas());
    assertThat(sts.getSpec().getServiceName()).isEqualTo(name);
    assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
    assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(sts.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/instance", name);
    // The longest pod name the StatefulSet creates is a DNS label.
    assertThat(name + "-" + (cluster.getSpec().getReplicas() - 1)).hasSizeLessThanOrEqualTo(63);

    PodSpec pod = sts.getSpec().getTemplate().getSpec();
    List<Container> all =
        Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList();
    assertThat(all).extracting(Container::getName).doesNotHaveDuplicates();
    assertThat(pod.getContainers()).filteredOn(c -> c.getName().equals("mysqld")).hasSize(1);
    Container mysqld =
        pod.getContainers().stream()
            .filter(c -> c.getName().equals("mysqld"))
            .findFirst()
            .orElseThrow();
    assertThat(mysqld.getArgs().getFirst()).startsWith("--defaults-file=");
    assertThat(pod.getInitContainers().getFirst().getImage()).isEqualTo(mysqld.getImage());
    assertThat(pod.getReadinessGates())
        .filteredOn(g -> g.getConditionType().equals(PodConditions.READY))
        .hasSize(1);

    assertThat(pod.getVolumes()).extracting(Volume::getName).doesNotHaveDuplicates();
    Set<String> mountable = new HashSet<>();
    pod.getVolumes().forEach(v -> mountable.add(v.getName()));
    cluster.getSpec().getVolumeClaimTemplates().forEach(t -> mountable.add(t.name()));
    for (Container c : all) {
      assertThat(c.getVolumeMounts())
          .extracting(VolumeMount::getName)
          .allMatch(mountable::contains)
          .doesNotHaveDuplicates();
      assertThat(c.getVolumeMounts()).extracting(VolumeMount::getMountPath).doesNotHaveDuplicates();
    }
    assertThat(mysqld.getVolumeMounts())
        .anyMatch(
            m ->
                m.getName().equals(VolumeClaimTemplate.MYSQL_DATA)
                    && m.getMountPath().equals("/var/lib/mysql"));
    assertThat(pod.getVolumes())
        .anyMatch(v -> v.getConfigMap() != null && v.getConfigMap().getName().equals(myCnfName));
  }
}
