package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ServiceSpec;

/** Overrides for a Service moco4j generates: extra metadata and fields of its spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceTemplate(ObjectMetaTemplate metadata, ServiceSpec spec) {}
