package dev.moco4j.reconciler.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.api.names.MySQLUsers;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretModelTest {

  private final MySQLClusterModel model = MySQLClusterModel.fromCrd(Clusters.minimal());

  private static String decoded(Secret secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }

  @Test
  void aNewOperatorSecretHasALongLettersAndDigitsPasswordForEveryUser() {
    Secret secret = model.operatorSecret(null, new SecureRandom());

    assertThat(secret.getMetadata().getName()).isEqualTo("moco4j-db-operator");
    assertThat(secret.getData()).hasSize(MySQLUsers.values().length);
    for (MySQLUsers user : MySQLUsers.values()) {
      assertThat(decoded(secret, user.passwordKey())).matches("[A-Za-z0-9]{32}");
    }
    assertThat(secret.getData().values()).doesNotHaveDuplicates();
  }

  @Test
  void existingPasswordsAreKeptAndOnlyMissingOnesGenerated() {
    String admin = Base64.getEncoder().encodeToString("keepme".getBytes(StandardCharsets.UTF_8));
    Secret existing =
        new SecretBuilder()
            .addToData("ADMIN_PASSWORD", admin)
            .addToData("UNKNOWN_KEY", admin)
            .addToStringData("BACKUP_PASSWORD", "fromStringData")
            .build();

    Secret secret = model.operatorSecret(existing, new SecureRandom());

    assertThat(secret.getData().get("ADMIN_PASSWORD")).isEqualTo(admin);
    assertThat(decoded(secret, "BACKUP_PASSWORD")).isEqualTo("fromStringData");
    assertThat(decoded(secret, "REPLICATION_PASSWORD")).matches("[A-Za-z0-9]{32}");
    assertThat(secret.getData()).doesNotContainKey("UNKNOWN_KEY");
    assertThat(model.operatorSecret(secret, new SecureRandom())).isEqualTo(secret);
  }

  @Test
  void theUserSecretCarriesTheApplicationUsersAndWhereToConnect() {
    Secret operator = model.operatorSecret(null, new SecureRandom());

    Secret user = model.userSecret(operator);

    assertThat(user.getMetadata().getName()).isEqualTo("moco4j-db-credentials");
    assertThat(user.getData()).containsOnlyKeys(MySQLUsers.USER_SECRET_KEYS);
    assertThat(user.getData().get("WRITABLE_PASSWORD"))
        .isEqualTo(operator.getData().get("WRITABLE_PASSWORD"));
    assertThat(decoded(user, "READONLY_USER")).isEqualTo("moco4j-readonly");
    assertThat(decoded(user, "PRIMARY_HOST")).isEqualTo("db-primary.dev.svc");
    assertThat(decoded(user, "REPLICA_HOST")).isEqualTo("db-replica.dev.svc");
    assertThat(decoded(user, "PORT")).isEqualTo("3306");
    assertThat(user.getData().values()).doesNotContain(operator.getData().get("ADMIN_PASSWORD"));
  }

  @Test
  void theUserSecretNeedsTheOperatorSecretFirst() {
    assertThatThrownBy(() -> model.userSecret(new SecretBuilder().withData(Map.of()).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("READONLY_PASSWORD");
  }
}
