package dev.moco4j.local.kubelet;

import static dev.moco4j.local.kubelet.MysqlWorkloads.connect;
import static dev.moco4j.local.kubelet.MysqlWorkloads.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moco4j.local.junit.LocalKubernetes;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MySQL pods of the shape moco4j's reconciler generates, run on the process kubelet: an init
 * container's shell script derives server_id from the pod name into an emptyDir and, only when no
 * data directory exists, initializes one with users from a Secret; mysqld then reads a ConfigMap
 * my.cnf that includes the server_id file.
 */
@LocalKubernetes(kubelet = true)
class ShellInitContainerIT {

  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final int SERVER_ID_BASE = 100;
  private static final String PASSWORD = "s3cretFromTheSecret";

  /** The reconciler's mount points, /tmp included (the stack's own directory is under /tmp). */
  private static final List<VolumeMount> MOUNTS =
      List.of(
          mount("mysql-data", "/var/lib/mysql"),
          mount("mycnf", "/etc/moco4j/mysql"),
          mount("run", "/run/moco4j"),
          mount("tmp", "/tmp"));

  private static final String MY_CNF =
      """
      [client]
      socket = /run/moco4j/mysqld.sock

      [mysqld]
      datadir = /var/lib/mysql/data
      pid_file = /run/moco4j/mysqld.pid
      socket = /run/moco4j/mysqld.sock
      tmpdir = /tmp
      super_read_only = ON
      skip_name_resolve = ON
      performance_schema = OFF
      innodb_buffer_pool_size = 32M
      mysqlx = OFF

      !include /run/moco4j/server-id.cnf
      """;

  /** The same steps as the reconciler's init script, with one user instead of five. */
  private static final String INIT_SCRIPT =
      """
      set -eu
      index="${POD_NAME##*-}"
      case "$index" in
        ''|*[!0-9]*) echo "init: no index at the end of pod name $POD_NAME" >&2; exit 1 ;;
      esac
      printf '[mysqld]\\nserver_id = %s\\n' "$((SERVER_ID_BASE + index))" > /run/moco4j/server-id.cnf
      if [ -d /var/lib/mysql/data ]; then
        exit 0
      fi
      rm -rf /var/lib/mysql/data.init
      umask 077
      cat > /run/moco4j/init.sql <<EOF
      SET SESSION sql_log_bin = 0;
      CREATE USER 'app'@'%' IDENTIFIED BY '${APP_PASSWORD}';
      GRANT SELECT ON *.* TO 'app'@'%';
      EOF
      mysqld --defaults-file=/etc/moco4j/mysql/my.cnf --datadir=/var/lib/mysql/data.init --super-read-only=OFF --initialize-insecure --init-file=/run/moco4j/init.sql
      rm -f /run/moco4j/init.sql
      mv /var/lib/mysql/data.init /var/lib/mysql/data
      """;

  @Test
  void podsInitializedByAShellScriptGetTheirServerIdAndUsersAndKeepTheirDataWhenRecreated(
      KubernetesClient client) throws Exception {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("users")
                .endMetadata()
                .addToStringData("APP_PASSWORD", PASSWORD)
                .build())
        .create();
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("mycnf")
                .endMetadata()
                .addToData("my.cnf", MY_CNF)
                .build())
        .create();
    client.resource(statefulSet("db", 3)).create();

    await().atMost(STARTUP).until(() -> readyCount(client, "db") == 3);

    Map<Integer, String> uuids = new HashMap<>();
    for (int ordinal = 0; ordinal < 3; ordinal++) {
      Pod pod = client.pods().withName("db-" + ordinal).get();
      Map<String, String> vars = variables(pod);
      assertThat(vars)
          .containsEntry("server_id", Integer.toString(SERVER_ID_BASE + ordinal))
          .containsEntry("super_read_only", "1")
          .containsEntry("bind_address", pod.getStatus().getPodIP())
          .containsEntry("user", "app@%");
      uuids.put(ordinal, vars.get("server_uuid"));
    }
    assertThat(uuids.values()).doesNotHaveDuplicates();

    String firstUid = client.pods().withName("db-1").get().getMetadata().getUid();
    client.pods().withName("db-1").delete();
    await()
        .atMost(STARTUP)
        .until(
            () -> {
              Pod pod = client.pods().withName("db-1").get();
              return isReady(pod) && !pod.getMetadata().getUid().equals(firstUid);
            });

    // The same server_uuid: mysqld generates one when a data directory is initialized, so the
    // script found the data directory and skipped initialization.
    Map<String, String> again = variables(client.pods().withName("db-1").get());
    assertThat(again)
        .containsEntry("server_id", Integer.toString(SERVER_ID_BASE + 1))
        .containsEntry("server_uuid", uuids.get(1))
        .containsEntry("super_read_only", "1");
  }

  /** What the test checks of a pod's mysqld, logged in as the Secret's user over the pod IP. */
  private static Map<String, String> variables(Pod pod) throws SQLException {
    try (Connection c = connect(pod.getStatus().getPodIP(), "app", PASSWORD);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT @@server_id, @@super_read_only, @@bind_address, @@server_uuid,"
                        + " CURRENT_USER()")) {
      assertThat(rs.next()).isTrue();
      return Map.of(
          "server_id", rs.getString(1),
          "super_read_only", rs.getString(2),
          "bind_address", rs.getString(3),
          "server_uuid", rs.getString(4),
          "user", rs.getString(5));
    }
  }

  private static long readyCount(KubernetesClient client, String app) {
    return client.pods().withLabel("app", app).list().getItems().stream()
        .filter(MysqlWorkloads::isReady)
        .count();
  }

  private static StatefulSet statefulSet(String name, int replicas) {
    Container init =
        new ContainerBuilder()
            .withName("init")
            .withImage("mysql:8.4.5")
            .withCommand("/bin/sh", "-c", INIT_SCRIPT)
            .addNewEnv()
            .withName("POD_NAME")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("SERVER_ID_BASE")
            .withValue(Integer.toString(SERVER_ID_BASE))
            .endEnv()
            .addNewEnv()
            .withName("APP_PASSWORD")
            .withNewValueFrom()
            .withNewSecretKeyRef("APP_PASSWORD", "users", false)
            .endValueFrom()
            .endEnv()
            .withVolumeMounts(MOUNTS)
            .build();
    // The usual test mysqld (port, readiness probe) with the reconciler's command and mounts.
    Container mysqld =
        new ContainerBuilder(MysqlWorkloads.mysqld())
            .withImage("mysql:8.4.5")
            .withCommand("mysqld")
            .withArgs("--defaults-file=/etc/moco4j/mysql/my.cnf")
            .withVolumeMounts(MOUNTS)
            .build();
    StatefulSet base = MysqlWorkloads.statefulSet(name, replicas);
    return new StatefulSetBuilder(base)
        .editSpec()
        .editTemplate()
        .editSpec()
        .withInitContainers(init)
        .withContainers(mysqld)
        .addNewVolume()
        .withName("mycnf")
        .withNewConfigMap()
        .withName("mycnf")
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("run")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static VolumeMount mount(String name, String path) {
    return new VolumeMountBuilder().withName(name).withMountPath(path).build();
  }
}
