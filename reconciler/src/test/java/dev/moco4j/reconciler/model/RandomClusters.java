package dev.moco4j.reconciler.model;

import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.api.v1beta1.MySQLClusterSpec;
import dev.moco4j.api.v1beta1.ObjectMetaTemplate;
import dev.moco4j.api.v1beta1.PodTemplate;
import dev.moco4j.api.v1beta1.ServiceTemplate;
import dev.moco4j.api.v1beta1.VolumeClaimTemplate;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpecBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.ServiceSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Valid MySQLClusters (what the CRD admits), drawn from a seeded generator. */
final class RandomClusters {

  private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";
  private static final List<String> MEMORY = List.of("256Mi", "1Gi", "3Gi", "8G", "64Gi");

  private final Random random;

  RandomClusters(long seed) {
    this.random = new Random(seed);
  }

  MySQLCluster next() {
    MySQLCluster cluster = new MySQLCluster();
    cluster.setMetadata(
        new ObjectMetaBuilder()
            .withName(name(1 + random.nextInt(40)))
            .withNamespace(name(1 + random.nextInt(63)))
            .withUid("uid-" + random.nextInt(1000))
            .build());
    MySQLClusterSpec spec = new MySQLClusterSpec();
    spec.setReplicas(1 + 2 * random.nextInt(5));
    spec.setServerIDBase(1 + random.nextInt(2_000_000_000));
    spec.setPodTemplate(new PodTemplate(maybeMeta(), podSpec()));
    List<VolumeClaimTemplate> claims = new ArrayList<>();
    claims.add(claim(VolumeClaimTemplate.MYSQL_DATA));
    if (random.nextBoolean()) {
      claims.add(claim("extra-" + random.nextInt(5)));
    }
    spec.setVolumeClaimTemplates(claims);
    if (random.nextBoolean()) {
      spec.setPrimaryServiceTemplate(serviceTemplate());
    }
    if (random.nextBoolean()) {
      spec.setReplicaServiceTemplate(serviceTemplate());
    }
    cluster.setSpec(spec);
    return cluster;
  }

  /** A tenant's my.cnf entries: protected keys in various spellings among ordinary ones. */
  Map<String, String> myCnf() {
    List<String> keys =
        List.of(
            "gtid_mode",
            "GTID-MODE",
            "loose_super_read_only",
            "skip-super-read-only",
            "skip_log_bin",
            "disable-log-bin",
            "server_id",
            "server-id",
            "binlog_format",
            "log_slave_updates",
            "skip-slave-start",
            "relay_log_recovery",
            "loose-rpl-semi-sync-source-timeout",
            "datadir",
            "max_connections",
            "long_query_time",
            "innodb-buffer-pool-size",
            "sync_binlog",
            "loose_innodb_numa_interleave",
            "character-set-server");
    Map<String, String> cnf = new LinkedHashMap<>();
    int count = random.nextInt(8);
    for (int i = 0; i < count; i++) {
      cnf.put(keys.get(random.nextInt(keys.size())), pick("0", "1", "OFF", "ON", "STATEMENT", ""));
    }
    return cnf;
  }

  private PodSpec podSpec() {
    PodSpec spec = new PodSpec();
    List<Container> containers = new ArrayList<>();
    ContainerBuilder mysqld =
        new ContainerBuilder()
            .withName(PodTemplate.MYSQLD_CONTAINER)
            .withImage(pick("mysql:8.0.41", "mysql:8.4.5", "registry.example/mysql:8.4"));
    if (random.nextBoolean()) {
      mysqld.withResources(
          new ResourceRequirementsBuilder()
              .addToRequests("memory", new Quantity(pick(MEMORY.toArray(String[]::new))))
              .addToLimits(
                  random.nextBoolean()
                      ? Map.of("memory", new Quantity(pick(MEMORY.toArray(String[]::new))))
                      : Map.of())
              .build());
    }
    if (random.nextBoolean()) {
      mysqld.addNewVolumeMount().withName("scratch").withMountPath("/scratch").endVolumeMount();
      spec.getVolumes()
          .add(new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build());
    }
    if (random.nextInt(4) == 0) {
      // Clashes with moco4j's own mount and volume names, which must win.
      mysqld
          .addNewVolumeMount()
          .withName("moco4j-run")
          .withMountPath("/elsewhere")
          .endVolumeMount();
      spec.getVolumes()
          .add(new VolumeBuilder().withName("moco4j-run").withNewEmptyDir().endEmptyDir().build());
    }
    containers.add(mysqld.build());
    if (random.nextBoolean()) {
      containers.add(
          random.nextInt(containers.size() + 1),
          new ContainerBuilder().withName("sidecar").withImage("busybox:1").build());
    }
    spec.setContainers(containers);
    if (random.nextBoolean()) {
      spec.setTerminationGracePeriodSeconds((long) random.nextInt(300));
    }
    if (random.nextBoolean()) {
      spec.setAffinity(new AffinityBuilder().withNewNodeAffinity().endNodeAffinity().build());
    }
    if (random.nextBoolean()) {
      spec.getInitContainers()
          .add(new ContainerBuilder().withName("tenant-init").withImage("busybox:1").build());
    }
    return spec;
  }

  private ObjectMetaTemplate maybeMeta() {
    if (random.nextBoolean()) {
      return null;
    }
    return new ObjectMetaTemplate(null, labels(), labels());
  }

  private Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      labels.put(
          pick("team", "tier", "app.kubernetes.io/instance", "moco4j.dev/role", "z"), name(5));
    }
    return labels;
  }

  private VolumeClaimTemplate claim(String name) {
    return new VolumeClaimTemplate(
        new ObjectMetaTemplate(name, random.nextBoolean() ? labels() : null, null),
        new PersistentVolumeClaimSpecBuilder()
            .withAccessModes("ReadWriteOnce")
            .withNewResources()
            .addToRequests("storage", new Quantity((1 + random.nextInt(100)) + "Gi"))
            .endResources()
            .build());
  }

  private ServiceTemplate serviceTemplate() {
    return new ServiceTemplate(
        random.nextBoolean() ? new ObjectMetaTemplate(null, labels(), labels()) : null,
        new ServiceSpecBuilder()
            .withType(pick("ClusterIP", "NodePort", "LoadBalancer"))
            .withSelector(random.nextBoolean() ? Map.of("app", "hijack") : null)
            .build());
  }

  /** A DNS-1035-style name: a letter, then letters, digits and '-', not ending with '-'. */
  private String name(int length) {
    StringBuilder name = new StringBuilder().append((char) ('a' + random.nextInt(26)));
    while (name.length() < length) {
      char c = NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length()));
      name.append(name.length() == length - 1 && c == '-' ? 'x' : c);
    }
    return name.toString();
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }
}
