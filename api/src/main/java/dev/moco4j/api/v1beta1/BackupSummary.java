package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What the last successful backup of a cluster contains; its manifest in the bucket has more. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupSummary(
    @JsonPropertyDescription("When the backup started, RFC 3339.") String time,
    @JsonPropertyDescription("How long it took, ISO-8601 (e.g. PT1M30S).") String elapsed,
    @JsonPropertyDescription("Key prefix of the backup in the bucket.") String key,
    @JsonPropertyDescription("Index of the instance that was dumped.") Integer sourceIndex,
    @JsonPropertyDescription("server_uuid of the instance that was dumped.") String sourceUUID,
    @JsonPropertyDescription("Binlog file current when the dump was taken.") String binlogFilename,
    @JsonPropertyDescription("gtid_executed of the dump.") String gtidSet,
    @JsonPropertyDescription("Bytes of the compressed dump.") Long dumpSize,
    @JsonPropertyDescription("Bytes of the compressed binlogs uploaded with it.") Long binlogSize,
    @JsonPropertyDescription("Problems that did not fail the backup.") List<String> warnings) {}
