package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Which generation of the spec the reconciler last applied, and with which logic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReconcileInfo(
    @JsonPropertyDescription("metadata.generation of the spec last reconciled.")
        Long observedGeneration,
    @JsonPropertyDescription(
            "Version of the reconciliation logic; a newer reconciler re-applies older ones.")
        Integer reconcileVersion,
    @JsonPropertyDescription("Version of the reconciler that did it.") String operatorVersion) {}
