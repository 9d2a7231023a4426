package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** The part of an object's metadata a tenant may set on the objects moco4j generates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectMetaTemplate(
    @JsonPropertyDescription("Name; used only by volume claim templates.")
        // A claim's PVCs are named <claim>-<statefulset>-<index>, which must stay a valid name.
        @Size(max = 63)
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
        String name,
    Map<String, String> labels,
    Map<String, String> annotations) {

  /** Metadata with only a name, as volume claim templates need. */
  public static ObjectMetaTemplate named(String name) {
    return new ObjectMetaTemplate(name, null, null);
  }
}
