package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchedNamespacesTest {

  @Test
  void starWatchesAllNamespaces() {
    assertThat(WatchedNamespaces.parse(" * ")).isEqualTo(WatchedNamespaces.allNamespaces());
  }

  @Test
  void readsACommaSeparatedListIgnoringSpacesAndEmptyEntries() {
    assertThat(WatchedNamespaces.parse("shop, billing,,"))
        .isEqualTo(WatchedNamespaces.of(Set.of("shop", "billing")));
  }

  @Test
  void rejectsStarMixedWithNamesAndInvalidNames() {
    assertThatThrownBy(() -> WatchedNamespaces.parse("*,shop"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WatchedNamespaces.parse("Shop_1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unsetVariableFailsTellingHowToWatchAll() {
    assertThatThrownBy(() -> WatchedNamespaces.fromEnv(EnvConfig.of(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(WatchedNamespaces.ENV + " is not set")
        .hasMessageContaining("* to watch all");
  }
}
