package dev.moco4j.mysql.seed.logical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.MySqlException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UntilNoProgressTest {

  private static final MySqlEndpoint HOST = new MySqlEndpoint("db", 3306);

  @Test
  void objectsAreCreatedAfterTheirDependenciesWhateverTheListOrder() {
    Map<String, String> dependsOn = Map.of("a", "b", "b", "c");
    List<String> created = new ArrayList<>();

    UntilNoProgress.run(
        List.of("a", "b", "c"),
        name -> {
          String dependency = dependsOn.get(name);
          if (dependency != null && !created.contains(dependency)) {
            throw new MySqlException(
                HOST, "creating " + name, new SQLException("no " + dependency, "42S02", 1146));
          }
          created.add(name);
        });

    assertThat(created).containsExactly("c", "b", "a");
  }

  @Test
  void aFailureThatRetriesCannotFixIsRethrown() {
    assertThatThrownBy(
            () ->
                UntilNoProgress.run(
                    List.of("x"),
                    name -> {
                      throw new MySqlException(HOST, "creating x", new SQLException("broken"));
                    }))
        .isInstanceOf(MySqlException.class)
        .hasMessageContaining("creating x");
  }
}
