package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.ResourceNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** The operator Secret (every operator user's password) and the user Secret derived from it. */
final class SecretModel {

  static final int PASSWORD_LENGTH = 32;

  /**
   * Letters and digits only: nothing to quote in SQL, shells or URLs; 32 of them are about 190
   * bits.
   */
  static final String PASSWORD_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private SecretModel() {}

  /**
   * Keeps every password the existing Secret has (an initialized instance knows only those) and
   * generates the missing ones; keys moco4j does not know are dropped.
   */
  static Secret operator(ClusterRef cluster, Secret existing, SecureRandom random) {
    Map<String, String> data = new TreeMap<>();
    for (MySQLUsers user : MySQLUsers.values()) {
      String current = existingValue(existing, user.passwordKey());
      data.put(user.passwordKey(), current != null ? current : encode(password(random)));
    }
    return new SecretBuilder()
        .withMetadata(cluster.metadata(ResourceNames.operatorSecret(cluster.name())))
        .withType("Opaque")
        .withData(data)
        .build();
  }

  /** What applications need to connect: the read-only and writable users and the Services. */
  static Secret user(ClusterRef cluster, Secret operator) {
    Map<String, String> values = new TreeMap<>();
    values.put("READONLY_USER", MySQLUsers.READONLY.userName());
    values.put("WRITABLE_USER", MySQLUsers.WRITABLE.userName());
    values.put("PRIMARY_HOST", serviceHost(ResourceNames.primaryService(cluster.name()), cluster));
    values.put("REPLICA_HOST", serviceHost(ResourceNames.replicaService(cluster.name()), cluster));
    values.put("PORT", Integer.toString(ResourceNames.MYSQL_PORT));
    Map<String, String> data = new TreeMap<>();
    values.forEach((k, v) -> data.put(k, encode(v)));
    for (MySQLUsers user : MySQLUsers.values()) {
      if (user.forApplications()) {
        String password = existingValue(operator, user.passwordKey());
        if (password == null) {
          throw new IllegalArgumentException(
              "the operator Secret has no " + user.passwordKey() + "; build it first");
        }
        data.put(user.passwordKey(), password);
      }
    }
    return new SecretBuilder()
        .withMetadata(cluster.metadata(ResourceNames.userSecret(cluster.name())))
        .withType("Opaque")
        .withData(data)
        .build();
  }

  static String password(SecureRandom random) {
    StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }

  private static String serviceHost(String service, ClusterRef cluster) {
    return service + "." + cluster.namespace() + ".svc";
  }

  /** The base64 value of a key, whether the Secret was read (data) or written (stringData). */
  private static String existingValue(Secret secret, String key) {
    if (secret == null) {
      return null;
    }
    if (secret.getData() != null
        && secret.getData().get(key) != null
        && !secret.getData().get(key).isEmpty()) {
      return secret.getData().get(key);
    }
    if (secret.getStringData() != null
        && secret.getStringData().get(key) != null
        && !secret.getStringData().get(key).isEmpty()) {
      return encode(secret.getStringData().get(key));
    }
    return null;
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
