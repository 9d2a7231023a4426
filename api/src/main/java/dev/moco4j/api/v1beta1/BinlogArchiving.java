package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.Duration;

/** Continuous archiving of binlogs between full backups. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// On the type with a fieldPath: fabric8 would copy a component's rule from field and accessor.
@ValidationRule(
    value = "!has(self.interval) || self.interval.matches('" + Durations.NOT_ZERO + "')",
    fieldPath = ".interval",
    message =
        "spec.continuousBinlogArchiving.interval must be at least 1s: a zero interval would upload"
            + " without pause; set e.g. 30s or 5m")
public record BinlogArchiving(
    @JsonPropertyDescription("Whether binlogs are archived continuously.") @Default("false")
        Boolean enabled,
    @JsonPropertyDescription("How often to upload new binlogs, at least 1s, e.g. 30s, 5m, 1h.")
        @Default("5m")
        @Size(min = 2, max = 32)
        @Pattern(Durations.PATTERN)
        String interval) {

  /** Whether continuous archiving is on; off when unset. */
  public boolean on() {
    return Boolean.TRUE.equals(enabled);
  }

  /** The upload interval; 5 minutes when unset. */
  public Duration intervalDuration() {
    return interval == null ? Duration.ofMinutes(5) : Durations.parse(interval);
  }
}
