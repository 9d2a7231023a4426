package dev.moco4j.healthmonitor.e2e;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.PodConditions;
import dev.moco4j.api.names.ResourceNames;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the reconciler will create for a MySQLCluster, built by hand while it does not exist yet:
 * the operator Secret, an init file that creates the operator's users, and the StatefulSet of stock
 * mysql:8 pods with the readiness gate.
 */
final class MySqlPods {

  static final String INIT_SECRET = "db-init";

  private MySqlPods() {}

  /** A password per operator user, as the reconciler generates them. */
  static Map<String, String> passwords() {
    return Arrays.stream(MySQLUsers.values())
        .collect(Collectors.toMap(MySQLUsers::passwordKey, u -> "pw-" + u.name().toLowerCase()));
  }

  static Secret operatorSecret(String cluster) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(ResourceNames.operatorSecret(cluster))
        .withLabels(Labels.standard(cluster))
        .endMetadata()
        .withStringData(passwords())
        .build();
  }

  /**
   * Runs at every start of mysqld. Nothing of it goes to the binlog (sql_log_bin=0), so instances
   * start with an empty gtid_executed and no instance is errant for having created its own users.
   * server_id must differ between instances (a replica drops events carrying its own); a
   * StatefulSet gives every pod the same arguments and the process kubelet expands no variables in
   * them, so it is derived from the pod's unique loopback address instead of its ordinal.
   */
  static Secret initSecret() {
    Map<String, String> pw = passwords();
    String sql =
        String.join(
            "\n",
            "SET sql_log_bin = 0;",
            "SET GLOBAL super_read_only = OFF;",
            createUser(MySQLUsers.ADMIN, pw, "ALL ON *.*", true),
            createUser(
                MySQLUsers.REPLICATION, pw, "REPLICATION SLAVE, REPLICATION CLIENT ON *.*", false),
            "SET GLOBAL server_id = 1000 + CAST(SUBSTRING_INDEX(@@GLOBAL.bind_address, '.', -1)"
                + " AS UNSIGNED);",
            "SET GLOBAL super_read_only = ON;",
            "");
    return new SecretBuilder()
        .withNewMetadata()
        .withName(INIT_SECRET)
        .endMetadata()
        .withStringData(Map.of("init.sql", sql))
        .build();
  }

  private static String createUser(
      MySQLUsers user, Map<String, String> pw, String grant, boolean grantOption) {
    return "CREATE USER IF NOT EXISTS '"
        + user.userName()
        + "'@'%' IDENTIFIED BY '"
        + pw.get(user.passwordKey())
        + "';\nGRANT "
        + grant
        + " TO '"
        + user.userName()
        + "'@'%'"
        + (grantOption ? " WITH GRANT OPTION" : "")
        + ";";
  }

  static StatefulSet statefulSet(String cluster, int replicas) {
    List<String> args =
        List.of(
            "--performance-schema=OFF",
            "--innodb-buffer-pool-size=32M",
            "--skip-name-resolve",
            "--mysqlx=OFF",
            "--gtid-mode=ON",
            "--enforce-gtid-consistency=ON",
            "--super-read-only=ON",
            "--skip-replica-start",
            "--init-file=/etc/mysql-init/init.sql");
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(ResourceNames.statefulSet(cluster))
        .withLabels(Labels.standard(cluster))
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withServiceName(ResourceNames.headlessService(cluster))
        .withPodManagementPolicy("Parallel")
        .withNewUpdateStrategy()
        .withType("OnDelete")
        .endUpdateStrategy()
        .withNewSelector()
        .withMatchLabels(Labels.selector(cluster))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.standard(cluster))
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(30L)
        .addNewReadinessGate(PodConditions.READY)
        .addNewContainer()
        .withName("mysqld")
        .withImage("mysql:8.0.31")
        .withArgs(args)
        .addNewPort()
        .withName("mysql")
        .withContainerPort(ResourceNames.MYSQL_PORT)
        .endPort()
        .addNewVolumeMount()
        .withName("mysql-data")
        .withMountPath("/var/lib/mysql")
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("mysql-init")
        .withMountPath("/etc/mysql-init")
        .endVolumeMount()
        .endContainer()
        .addNewVolume()
        .withName("mysql-init")
        .withNewSecret()
        .withSecretName(INIT_SECRET)
        .endSecret()
        .endVolume()
        .endSpec()
        .endTemplate()
        .addNewVolumeClaimTemplate()
        .withNewMetadata()
        .withName("mysql-data")
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .addToRequests("storage", new Quantity("1Gi"))
        .endResources()
        .endSpec()
        .endVolumeClaimTemplate()
        .endSpec()
        .build();
  }
}
