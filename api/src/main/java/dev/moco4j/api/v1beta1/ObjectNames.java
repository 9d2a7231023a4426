package dev.moco4j.api.v1beta1;

/**
 * CEL rules for names of objects a spec refers to, so that a typo is rejected when the spec is
 * applied rather than found later as an object that can never exist.
 *
 * <p>Each field that uses them is bounded (253 or 63 characters): the API server prices a regex
 * match by the longest string it could see. {@code [.]} stands for a literal dot, which needs no
 * escaping through Java, JSON and CEL.
 */
final class ObjectNames {

  /** A DNS-1123 subdomain: the names of ConfigMaps, Secrets and custom resources. */
  static final String SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** A DNS-1123 label: the names of namespaces and of MySQLClusters. */
  static final String LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** Rule for a string field that holds a subdomain. */
  static final String SUBDOMAIN_RULE = "self.matches('" + SUBDOMAIN + "')";

  static final String SUBDOMAIN_FORM =
      " lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most"
          + " 253 characters";

  static final String LABEL_FORM =
      " lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63"
          + " characters";

  private ObjectNames() {}
}
