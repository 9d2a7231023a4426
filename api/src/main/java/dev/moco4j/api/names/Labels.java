package dev.moco4j.api.names;

import java.util.Map;
import java.util.TreeMap;

/** The labels moco4j puts on a MySQLCluster's objects, and the role label its Services select. */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String CREATED_BY = "app.kubernetes.io/created-by";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Value of {@link #NAME}: what the objects run. */
  public static final String APP_NAME = "mysql";

  /** Value of {@link #CREATED_BY} and {@link #MANAGED_BY}. */
  public static final String OPERATOR = "moco4j";

  /**
   * The role of a MySQL pod, set by the health-monitor: {@link #ROLE_PRIMARY} or {@link
   * #ROLE_REPLICA}; absent on a pod that serves neither (starting, errant, excluded).
   */
  public static final String ROLE = "moco4j.dev/role";

  public static final String ROLE_PRIMARY = "primary";
  public static final String ROLE_REPLICA = "replica";

  private Labels() {}

  /**
   * The labels that pick a cluster's MySQL pods. A StatefulSet's selector is immutable, so this set
   * never changes; it carries no version or role.
   */
  public static Map<String, String> selector(String cluster) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(NAME, APP_NAME);
    labels.put(INSTANCE, cluster);
    labels.put(CREATED_BY, OPERATOR);
    return labels;
  }

  /** The labels of every object moco4j creates for a cluster: the selector plus managed-by. */
  public static Map<String, String> standard(String cluster) {
    Map<String, String> labels = selector(cluster);
    labels.put(MANAGED_BY, OPERATOR);
    return labels;
  }

  /** The selector of the pods in one role. */
  public static Map<String, String> role(String cluster, String role) {
    if (!ROLE_PRIMARY.equals(role) && !ROLE_REPLICA.equals(role)) {
      throw new IllegalArgumentException("a role is primary or replica, got " + role);
    }
    Map<String, String> labels = selector(cluster);
    labels.put(ROLE, role);
    return labels;
  }
}
