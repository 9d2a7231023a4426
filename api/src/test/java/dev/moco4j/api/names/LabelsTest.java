package dev.moco4j.api.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void theSelectorNamesTheAppTheClusterAndTheOperator() {
    assertThat(Labels.selector("shop"))
        .containsExactly(
            Map.entry("app.kubernetes.io/created-by", "moco4j"),
            Map.entry("app.kubernetes.io/instance", "shop"),
            Map.entry("app.kubernetes.io/name", "mysql"));
  }

  @Test
  void standardLabelsAddManagedByToTheSelector() {
    assertThat(Labels.standard("shop"))
        .containsAllEntriesOf(Labels.selector("shop"))
        .containsEntry("app.kubernetes.io/managed-by", "moco4j")
        .hasSize(4);
  }

  @Test
  void aRoleSelectorNarrowsTheSelectorToOneRole() {
    assertThat(Labels.role("shop", Labels.ROLE_PRIMARY))
        .containsAllEntriesOf(Labels.selector("shop"))
        .containsEntry("moco4j.dev/role", "primary");
    assertThatThrownBy(() -> Labels.role("shop", "leader"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
