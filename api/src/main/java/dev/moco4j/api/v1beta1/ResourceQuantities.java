package dev.moco4j.api.v1beta1;

/**
 * Schema patches that make the API server reject resource quantities Kubernetes cannot parse.
 *
 * <p>fabric8's schema types a quantity as int-or-string, so without these a MySQLCluster with
 * {@code memory: 4GB} is accepted and only the StatefulSet the reconciler generates from it fails.
 * The rules sit on each map value, so the API server's error names the exact entry (e.g. {@code
 * ...resources.requests[memory]}). isQuantity and quantity() come with Kubernetes 1.29's CEL
 * environment. Every value and map is bounded to keep the rules within the API server's CEL cost
 * budget.
 */
final class ResourceQuantities {

  // A resource name is at most a prefixed qualified name; no pod asks for more kinds than this.
  static final int MAX_RESOURCES = 16;
  // The longest quantity Kubernetes writes is far shorter (e.g. 9223372036854775807m).
  static final int MAX_QUANTITY_LENGTH = 64;

  private static final String SUFFIXES = "(m, k, M, G, T, P, E, or Ki, Mi, Gi, Ti, Pi, Ei)";

  /** A container request or limit: zero is allowed (no reservation), negatives are not. */
  static final String CONTAINER_RULE =
      "type(self) == int ? self >= 0 : isQuantity(self) && !quantity(self).isLessThan(quantity('0'))";

  static final String CONTAINER_MESSAGE =
      "must be a non-negative Kubernetes quantity such as 500m, 2, 512Mi or 4Gi: a number with an"
          + " optional suffix "
          + SUFFIXES
          + ", without spaces; 4GB or 2 cores are not quantities";

  /** A claim's storage size: a volume of zero bytes cannot be provisioned. */
  static final String CLAIM_RULE =
      "type(self) == int ? self > 0 : isQuantity(self) && quantity(self).isGreaterThan(quantity('0'))";

  static final String CLAIM_MESSAGE =
      "must be a positive Kubernetes quantity such as 10Gi or 500Mi: a number with an optional"
          + " suffix "
          + SUFFIXES
          + ", without spaces; 10GB is not a quantity";

  // Annotation values must be constants, hence the patch is spelled out by concatenation.
  private static final String MAP_START =
      "{\"maxProperties\":"
          + MAX_RESOURCES
          + ",\"additionalProperties\":{\"maxLength\":"
          + MAX_QUANTITY_LENGTH
          + ",\"x-kubernetes-validations\":[{\"rule\":\"";
  private static final String MAP_MIDDLE = "\",\"message\":\"";
  private static final String MAP_END = "\"}]}}";

  /** Merge patch for a container's requests or limits map. */
  static final String CONTAINER_MAP =
      MAP_START + CONTAINER_RULE + MAP_MIDDLE + CONTAINER_MESSAGE + MAP_END;

  /** Merge patch for a claim's requests or limits map. */
  static final String CLAIM_MAP = MAP_START + CLAIM_RULE + MAP_MIDDLE + CLAIM_MESSAGE + MAP_END;

  /** Merge patch for a resources object (container or claim) with both maps checked. */
  static final String CONTAINER_RESOURCES =
      "{\"properties\":{\"requests\":" + CONTAINER_MAP + ",\"limits\":" + CONTAINER_MAP + "}}";

  static final String CLAIM_RESOURCES =
      "{\"properties\":{\"requests\":" + CLAIM_MAP + ",\"limits\":" + CLAIM_MAP + "}}";

  private ResourceQuantities() {}
}
