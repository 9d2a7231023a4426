package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.mysql.Credentials;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The operator's MySQL accounts the engine uses, from the cluster's operator Secret.
 *
 * @param admin the account the engine connects with
 * @param replication the account replicas connect to their source with
 */
public record OperatorCredentials(Credentials admin, Credentials replication) {

  /**
   * @throws IllegalStateException naming the Secret and key when either is missing
   */
  public static OperatorCredentials from(String cluster, Secret secret) {
    String name = ResourceNames.operatorSecret(cluster);
    if (secret == null) {
      throw new IllegalStateException("the operator Secret " + name + " does not exist (yet)");
    }
    return new OperatorCredentials(
        credentials(name, secret, MySQLUsers.ADMIN),
        credentials(name, secret, MySQLUsers.REPLICATION));
  }

  private static Credentials credentials(String name, Secret secret, MySQLUsers user) {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    String encoded = data.get(user.passwordKey());
    if (encoded == null) {
      throw new IllegalStateException(
          "the operator Secret " + name + " has no key " + user.passwordKey());
    }
    return new Credentials(
        user.userName(), new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
  }
}
