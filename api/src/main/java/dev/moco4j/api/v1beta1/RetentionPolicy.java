package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.time.Duration;
import java.util.Optional;

/** Which backups to delete: those beyond the newest keepLast, and those older than maxAge. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
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
