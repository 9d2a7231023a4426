package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Where backups live: an S3-compatible bucket and how to reach it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// Every string is bounded: spec.restore holds a bucket, and the CEL rule that keeps spec.restore
// immutable compares it whole, which the API server only accepts within its cost budget.
// The rule is on the type with a fieldPath: fabric8 would copy a component's rule twice.
@ValidationRule(
    value =
        "!has(self.credentialsSecretName) || self.credentialsSecretName.matches('"
            + ObjectNames.SUBDOMAIN
            + "')",
    fieldPath = ".credentialsSecretName",
    message =
        "bucket.credentialsSecretName must be the name of a Secret:"
            + ObjectNames.SUBDOMAIN_FORM
            + "; or leave the field out")
public record BucketConfig(
    @JsonPropertyDescription("Name of the bucket.")
        @Required
        @Size(min = 3, max = 63)
        @Pattern("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")
        String bucketName,
    @JsonPropertyDescription(
            "Endpoint of an S3-compatible service, e.g. http://minio.minio:9000; AWS if unset.")
        @Size(max = 2048)
        @Pattern("^https?://.+")
        String endpointURL,
    @JsonPropertyDescription("Region of the bucket, e.g. us-east-1.") @Size(max = 64) String region,
    @JsonPropertyDescription(
            "Address the bucket as <endpoint>/<bucket> instead of <bucket>.<endpoint> (MinIO).")
        @Default("false")
        Boolean usePathStyle,
    @JsonPropertyDescription(
            "Name of a Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. If unset, the"
                + " service's default AWS credentials (e.g. its service account's role) are used.")
        @Size(max = 253)
        String credentialsSecretName,
    @JsonPropertyDescription(
            "Key prefix of all backups: <prefix>/<namespace>/<cluster>/<YYYYMMDD-hhmmss>/.")
        @Size(max = 512)
        String prefix) {

  /** A bucket on AWS S3 (or the SDK's configured endpoint) with default credentials. */
  public static BucketConfig of(String bucketName) {
    return new BucketConfig(bucketName, null, null, null, null, null);
  }

  /** Whether to use path-style addressing; false when unset. */
  public boolean pathStyle() {
    return Boolean.TRUE.equals(usePathStyle);
  }
}
