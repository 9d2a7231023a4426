package dev.moco4j.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class SchemaMergePatchTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  private final JSONSchemaProps schema =
      new JSONSchemaPropsBuilder()
          .withType("object")
          .addToProperties(
              "spec",
              new JSONSchemaPropsBuilder()
                  .withType("object")
                  .addToProperties(
                      "containers", new JSONSchemaPropsBuilder().withType("array").build())
                  .addToProperties(
                      "volumes", new JSONSchemaPropsBuilder().withType("array").build())
                  .build())
          .addToProperties("metadata", new JSONSchemaPropsBuilder().withType("object").build())
          .build();

  @Test
  void mergesNestedObjectsKeepingTheirSiblings() {
    JSONSchemaProps patched =
        new SchemaMergePatch()
            .apply(
                schema,
                "{\"properties\":{\"spec\":{\"properties\":{\"containers\":{\"maxItems\":4}}}}}",
                serialization);

    var spec = patched.getProperties().get("spec");
    assertThat(patched.getProperties()).containsKeys("spec", "metadata");
    assertThat(spec.getProperties()).containsKeys("containers", "volumes");
    assertThat(spec.getProperties().get("containers").getType()).isEqualTo("array");
    assertThat(spec.getProperties().get("containers").getMaxItems()).isEqualTo(4L);
  }

  @Test
  void nullRemovesAKeyAndArraysReplace() {
    JSONSchemaProps patched =
        new SchemaMergePatch()
            .apply(
                schema,
                "{\"properties\":{\"metadata\":null},\"required\":[\"spec\"]}",
                serialization);

    assertThat(patched.getProperties()).containsOnlyKeys("spec");
    assertThat(patched.getRequired()).containsExactly("spec");
  }
}
