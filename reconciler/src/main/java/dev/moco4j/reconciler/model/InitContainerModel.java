package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.ResourceNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/** The init container of a MySQL pod: the mysqld image running {@link InitScript}. */
final class InitContainerModel {

  static final String NAME = "moco4j-init";

  private InitContainerModel() {}

  /**
   * @param mysqld the tenant's mysqld container: the same image, resources and security context, so
   *     initialization runs with the mysqld it initializes for and fits the pod's quota
   */
  static Container build(String cluster, int serverIdBase, Container mysqld) {
    return new ContainerBuilder()
        .withName(NAME)
        .withImage(mysqld.getImage())
        .withImagePullPolicy(mysqld.getImagePullPolicy())
        .withCommand("/bin/sh", "-c", InitScript.text())
        .withEnv(env(cluster, serverIdBase))
        .withResources(CanonicalJson.copy(mysqld.getResources(), ResourceRequirements.class))
        .withSecurityContext(mysqld.getSecurityContext())
        .withVolumeMounts(MysqldContainerModel.mounts())
        .build();
  }

  private static List<EnvVar> env(String cluster, int serverIdBase) {
    List<EnvVar> env = new ArrayList<>();
    env.add(
        new EnvVarBuilder()
            .withName(InitScript.POD_NAME_ENV)
            .withNewValueFrom()
            .withNewFieldRef()
            .withApiVersion("v1")
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .build());
    env.add(new EnvVar(InitScript.SERVER_ID_BASE_ENV, Integer.toString(serverIdBase), null));
    // Passwords reach the script only through the environment, never through the pod spec.
    for (MySQLUsers user : MySQLUsers.values()) {
      env.add(
          new EnvVarBuilder()
              .withName(user.passwordKey())
              .withNewValueFrom()
              .withNewSecretKeyRef()
              .withName(ResourceNames.operatorSecret(cluster))
              .withKey(user.passwordKey())
              .endSecretKeyRef()
              .endValueFrom()
              .build());
    }
    return env;
  }
}
