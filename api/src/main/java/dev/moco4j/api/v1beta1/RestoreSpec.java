package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.moco4j.api.crd.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** Which backup to create a new cluster from, and up to which point in time to replay binlogs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// format date-time makes the API server reject a restorePoint that is not RFC 3339.
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input = "{\"properties\":{\"restorePoint\":{\"format\":\"date-time\"}}}")
// On the type with a fieldPath, not on the components: fabric8 would copy a component's rule from
// both the field and the accessor. The has() guards leave a missing field to the required check.
@ValidationRule(
    value = "!has(self.sourceName) || self.sourceName.matches('" + ObjectNames.LABEL + "')",
    fieldPath = ".sourceName",
    message =
        "spec.restore.sourceName must be the name of the MySQLCluster that was backed up:"
            + ObjectNames.LABEL_FORM)
@ValidationRule(
    value =
        "!has(self.sourceNamespace) || self.sourceNamespace.matches('" + ObjectNames.LABEL + "')",
    fieldPath = ".sourceNamespace",
    message =
        "spec.restore.sourceNamespace must be the name of a namespace:" + ObjectNames.LABEL_FORM)
public record RestoreSpec(
    @JsonPropertyDescription(
            "Name of the MySQLCluster that was backed up (it may no longer exist).")
        @Required
        @Size(min = 1, max = 63)
        String sourceName,
    @JsonPropertyDescription("Namespace of the MySQLCluster that was backed up.")
        @Required
        @Size(min = 1, max = 63)
        String sourceNamespace,
    @JsonPropertyDescription(
            "Point in time to restore to, RFC 3339 (e.g. 2026-01-02T15:04:05Z): the newest backup"
                + " before it is loaded, then binlogs are replayed up to it.")
        @Required
        @Size(max = 64)
        String restorePoint,
    @JsonPropertyDescription("Bucket that holds the source cluster's backups.") @Required
        BucketConfig bucket) {

  /** The restore point as an instant (RFC 3339 allows any offset and a lowercase t or z). */
  public Instant restorePointInstant() {
    return OffsetDateTime.parse(restorePoint.toUpperCase(Locale.ROOT)).toInstant();
  }
}
