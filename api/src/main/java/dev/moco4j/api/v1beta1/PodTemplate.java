package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moco4j.api.crd.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Optional;

/** Template of the MySQL pods: labels, annotations and a pod spec with a "mysqld" container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// The CEL rule that looks for the mysqld container walks this list: the API server rejects the CRD
// unless the list and the names compared are bounded (CEL cost budget). PodSpec is fabric8's class,
// so the bounds are patched into its generated schema here. Kubernetes caps names at 63 anyway.
// The containers' resource quantities are checked here too (see ResourceQuantities).
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input =
        "{\"properties\":{\"spec\":{\"properties\":{\"containers\":{\"maxItems\":"
            + PodTemplate.MAX_CONTAINERS
            + ",\"items\":{\"properties\":{\"name\":{\"maxLength\":63},\"resources\":"
            + ResourceQuantities.CONTAINER_RESOURCES
            + "}}}}}}}")
public record PodTemplate(ObjectMetaTemplate metadata, @Required PodSpec spec) {

  /** Name of the container that runs mysqld; its image and resources are the tenant's choice. */
  public static final String MYSQLD_CONTAINER = "mysqld";

  static final int MAX_CONTAINERS = 16;

  /** The container that runs mysqld, if present. */
  public Optional<Container> mysqldContainer() {
    if (spec == null || spec.getContainers() == null) {
      return Optional.empty();
    }
    return spec.getContainers().stream()
        .filter(c -> MYSQLD_CONTAINER.equals(c.getName()))
        .findFirst();
  }
}
