package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
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

  public static Container mysqld() {
    return new ContainerBuilder()
        .withName("mysqld")
        .withImage("mysql:8.0")
        // Passed through to mysqld: keep each instance small.
        .withArgs(
            List.of(
                "--performance-schema=OFF",
                "--innodb-buffer-pool-size=32M",
                "--skip-name-resolve",
                "--mysqlx=OFF"))
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

  public static Pod podWithReadinessGate(String name, String gate) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewReadinessGate(gate)
        .withContainers(mysqld())
        .addNewVolume()
        .withName("mysql-data")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .build();
  }

  public static boolean isReady(Pod pod) {
    return pod != null
        && pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  public static Connection connect(String ip) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://" + ip + ":3306/?connectTimeout=5000&sslMode=DISABLED", "root", "");
  }
}
