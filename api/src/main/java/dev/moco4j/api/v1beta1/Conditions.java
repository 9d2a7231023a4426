package dev.moco4j.api.v1beta1;

/** Schema details shared by the status condition lists. */
final class Conditions {

  /**
   * Makes status.conditions a list map keyed by type, as Kubernetes' own conditions are; a map key
   * must be required, and the API server's Condition also requires status.
   */
  static final String LIST_MAP_PATCH =
      "{\"properties\":{\"conditions\":{\"x-kubernetes-list-type\":\"map\","
          + "\"x-kubernetes-list-map-keys\":[\"type\"],"
          + "\"items\":{\"required\":[\"status\",\"type\"]}}}}";

  private Conditions() {}
}
