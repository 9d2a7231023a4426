package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** The pods these tests run: stock mysql:8.0 containers, small enough for a shared machine. */
public final class MysqlWorkloads {

  private MysqlWorkloads() {}

  /** Options that keep each mysqld small on a shared machine. */
  public static final List<String> SMALL =
      List.of(
          "--performance-schema=OFF",
          "--innodb-buffer-pool-size=32M",
          "--skip-name-resolve",
          "--mysqlx=OFF");

  public static Container mysqld() {
    return new ContainerBuilder()
        .withName("mysqld")
        .withImage("mysql:8.0")
        // Passed through to mysqld as by the image's entrypoint.
        .withArgs(SMALL)
        .addNewPort()
        .withName("mysql")
        .withContainerPort(3306)
        .endPort()
        .addNewVolumeMount()
        .withName("mysql-data")
        .withMountPath("/var/lib/mysql")
        .endVolumeMount()
        .withNewReadinessProbe()
        .withNewTcpSocket()
        .withPort(new IntOrString(3306))
        .endTcpSocket()
        .withPeriodSeconds(2)
        .endReadinessProbe()
        .build();
  }

  public static StatefulSet statefulSet(String name, int replicas) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withServiceName(name)
        .withPodManagementPolicy("Parallel")
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(30L)
        .withContainers(mysqld())
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

  /** A pod running {@code container} with an emptyDir {@code mysql-data}, to be edited further. */
  public static PodBuilder pod(String name, Container container) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .withContainers(container)
        .addNewVolume()
        .withName("mysql-data")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec();
  }

  public static Pod podWithReadinessGate(String name, String gate) {
    return pod(name, mysqld()).editSpec().addNewReadinessGate(gate).endSpec().build();
  }

  public static boolean isReady(Pod pod) {
    return pod != null
        && pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  public static Connection connect(String ip) throws SQLException {
    return connect(ip, "root", "");
  }

  public static Connection connect(String ip, String user, String password) throws SQLException {
    // Without TLS, caching_sha2_password's first login needs the server's RSA key.
    return DriverManager.getConnection(
        "jdbc:mysql://"
            + ip
            + ":3306/?connectTimeout=5000&sslMode=DISABLED&allowPublicKeyRetrieval=true",
        user,
        password);
  }

  public static PodCondition condition(Pod pod, String type) {
    if (pod == null || pod.getStatus() == null) {
      return null;
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  public static String phase(Pod pod) {
    return pod == null || pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }
}
