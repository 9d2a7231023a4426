package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.time.Duration;

/** Continuous archiving of binlogs between full backups. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BinlogArchiving(
    @JsonPropertyDescription("Whether binlogs are archived continuously.") @Default("false")
        Boolean enabled,
    @JsonPropertyDescription("How often to upload new binlogs, e.g. 30s, 5m, 1h.")
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
