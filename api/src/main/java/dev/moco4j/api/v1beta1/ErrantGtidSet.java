package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** The transactions an instance executed that the primary never had, as a GTID set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrantGtidSet(
    @JsonPropertyDescription("Index of the instance.") @Required @Min(0) Integer index,
    @JsonPropertyDescription(
            "Its errant GTID set (its gtid_executed minus the primary's), e.g."
                + " 3E11FA47-71CA-11E1-9E33-C80AA9429562:23-25.")
        @Required
        String gtidSet) {}
