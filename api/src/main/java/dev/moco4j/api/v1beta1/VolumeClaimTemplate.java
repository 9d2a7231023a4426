package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moco4j.api.crd.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;

/** Template of a PersistentVolumeClaim that every MySQL instance gets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// Storage sizes are checked at the API server (see ResourceQuantities).
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input =
        "{\"properties\":{\"spec\":{\"properties\":{\"resources\":"
            + ResourceQuantities.CLAIM_RESOURCES
            + "}}}}")
@ValidationRule(
    value = "has(self.metadata.name)",
    message = "each of spec.volumeClaimTemplates needs a metadata.name")
public record VolumeClaimTemplate(
    @Required ObjectMetaTemplate metadata, @Required PersistentVolumeClaimSpec spec) {

  /** Name of the claim template that holds MySQL's data directory. */
  public static final String MYSQL_DATA = "mysql-data";

  // Bounds the CEL rules that walk the list (the API server's cost budget); 8 is plenty.
  static final int MAX_TEMPLATES = 8;

  /** The claim template's name, or null if it has none. */
  public String name() {
    return metadata == null ? null : metadata.name();
  }
}
