package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.Duration;
import java.util.Optional;

/** Which backups to delete: those beyond the newest keepLast, and those older than maxAge. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// On the type with a fieldPath: fabric8 would copy a component's rule from field and accessor.
@ValidationRule(
    value = "!has(self.maxAge) || self.maxAge.matches('" + Durations.NOT_ZERO + "')",
    fieldPath = ".maxAge",
    message =
        "spec.retention.maxAge must be at least 1s: zero would make every backup but the newest"
            + " too old at once; set e.g. 30d, or leave it out to keep backups by keepLast only")
public record RetentionPolicy(
    @JsonPropertyDescription(
            "Keep at most this many full backups (with the binlogs they need). The newest"
                + " successful backup is never deleted.")
        @Min(1)
        Integer keepLast,
    @JsonPropertyDescription(
            "Delete backups older than this, e.g. 30d or 12h; binlogs needed by a kept backup are"
                + " kept.")
        @Size(min = 2, max = 32)
        @Pattern(Durations.PATTERN)
        String maxAge) {

  /** The maximum age, if set. */
  public Optional<Duration> maxAgeDuration() {
    return Optional.ofNullable(maxAge).map(Durations::parse);
  }
}
