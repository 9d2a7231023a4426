package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.VolumeClaimTemplate;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tenant's mysqld container with what moco4j needs: the generated my.cnf, the data and scratch
 * mounts, the MySQL ports, probes and the preStop pause.
 *
 * <p>The command and arguments are moco4j's: MySQL parameters go through spec.mysqlConfigMapName,
 * where protected keys are checked; an argument could bypass that check. The tenant's own command
 * and args are therefore replaced.
 */
final class MysqldContainerModel {

  static final String MYSQL_PORT_NAME = "mysql";
  static final String MYSQLX_PORT_NAME = "mysqlx";

  /**
   * How long a TCP probe may fail after start: crash recovery opens the port only when done, and
   * killing mysqld during recovery only starts it over. An hour covers a large redo log.
   */
  static final int STARTUP_PROBE_FAILURES = 360;

  private MysqldContainerModel() {}

  static Container build(Container tenant, int preStopSeconds) {
    Container mysqld = CanonicalJson.copy(tenant, Container.class);
    // mysqld reads --defaults-file only as its first option.
    mysqld.setCommand(List.of("mysqld"));
    mysqld.setArgs(List.of("--defaults-file=" + MysqlPaths.MYCNF_FILE));
    mysqld.setPorts(ports(mysqld.getPorts()));
    mysqld.setVolumeMounts(withOurMounts(mysqld.getVolumeMounts()));
    if (mysqld.getStartupProbe() == null) {
      mysqld.setStartupProbe(tcp(10, STARTUP_PROBE_FAILURES));
    }
    if (mysqld.getLivenessProbe() == null) {
      mysqld.setLivenessProbe(tcp(10, 6));
    }
    if (preStopSeconds > 0
        && (mysqld.getLifecycle() == null || mysqld.getLifecycle().getPreStop() == null)) {
      // A pause, so that the health-monitor, which sees the pod terminating, can switch the
      // primary away while this mysqld still serves; a native sleep needs no binary in the image.
      mysqld.setLifecycle(
          new LifecycleBuilder(mysqld.getLifecycle() == null ? null : mysqld.getLifecycle())
              .withNewPreStop()
              .withNewSleep((long) preStopSeconds)
              .endPreStop()
              .build());
    }
    return mysqld;
  }

  /** The volume mounts moco4j adds to its containers (init and mysqld). */
  static List<VolumeMount> mounts() {
    return List.of(
        mount(VolumeClaimTemplate.MYSQL_DATA, MysqlPaths.DATA_MOUNT, false),
        mount(MysqlPaths.MYCNF_VOLUME, MysqlPaths.MYCNF_DIR, true),
        mount(MysqlPaths.RUN_VOLUME, MysqlPaths.RUN_DIR, false),
        mount(MysqlPaths.TMP_VOLUME, MysqlPaths.TMP_DIR, false));
  }

  private static List<VolumeMount> withOurMounts(List<VolumeMount> tenant) {
    List<VolumeMount> result = new ArrayList<>(mounts());
    // A tenant's mount of one of these volumes, or onto one of these paths, would hide ours.
    Set<String> names = new HashSet<>();
    Set<String> paths = new HashSet<>();
    result.forEach(m -> names.add(m.getName()));
    result.forEach(m -> paths.add(m.getMountPath()));
    for (VolumeMount m : tenant) {
      if (!names.contains(m.getName()) && !paths.contains(m.getMountPath())) {
        result.add(m);
      }
    }
    return result;
  }

  private static List<ContainerPort> ports(List<ContainerPort> tenant) {
    List<ContainerPort> result = new ArrayList<>();
    result.add(port(MYSQL_PORT_NAME, ResourceNames.MYSQL_PORT));
    result.add(port(MYSQLX_PORT_NAME, ResourceNames.MYSQLX_PORT));
    for (ContainerPort p : tenant) {
      boolean clashes =
          MYSQL_PORT_NAME.equals(p.getName())
              || MYSQLX_PORT_NAME.equals(p.getName())
              || Integer.valueOf(ResourceNames.MYSQL_PORT).equals(p.getContainerPort())
              || Integer.valueOf(ResourceNames.MYSQLX_PORT).equals(p.getContainerPort());
      if (!clashes) {
        result.add(p);
      }
    }
    return result;
  }

  private static ContainerPort port(String name, int number) {
    return new ContainerPortBuilder()
        .withName(name)
        .withContainerPort(number)
        .withProtocol("TCP")
        .build();
  }

  private static VolumeMount mount(String volume, String path, boolean readOnly) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(readOnly ? Boolean.TRUE : null)
        .build();
  }

  private static Probe tcp(int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewTcpSocket()
        .withPort(new IntOrString(MYSQL_PORT_NAME))
        .endTcpSocket()
        .withPeriodSeconds(periodSeconds)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
