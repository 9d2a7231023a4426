package dev.moco4j.api.names;

/**
 * The names of the Kubernetes objects moco4j creates for a MySQLCluster.
 *
 * <p>Every name fits its Kubernetes limit for cluster names of at most {@link
 * #MAX_CLUSTER_NAME_LENGTH} characters, which the MySQLCluster CRD enforces with a validation rule
 * on {@code metadata.name}. Longer names are refused here rather than truncated: a truncated name
 * could collide with another cluster's.
 */
public final class ResourceNames {

  /**
   * The longest cluster name the CRD admits. The tightest limits it protects: Service names are
   * DNS-1035 labels (63), and a pod's {@code controller-revision-hash} label value is {@code
   * <statefulset>-<10 hash characters>} (63).
   */
  public static final int MAX_CLUSTER_NAME_LENGTH = 40;

  /** The prefix of objects only moco4j reads, so they never collide with a tenant's own. */
  public static final String PREFIX = "moco4j-";

  /** Port of the MySQL classic protocol on every instance and Service. */
  public static final int MYSQL_PORT = 3306;

  /** Port of the MySQL X protocol. */
  public static final int MYSQLX_PORT = 33060;

  private ResourceNames() {}

  /** The StatefulSet; its pods are {@link #podName}. */
  public static String statefulSet(String cluster) {
    return checked(cluster);
  }

  /** The headless Service that gives each pod its DNS name ({@link #podHost}). */
  public static String headlessService(String cluster) {
    return checked(cluster);
  }

  /** The Service of the primary (writes). */
  public static String primaryService(String cluster) {
    return checked(cluster) + "-primary";
  }

  /** The Service of the ready replicas (reads). */
  public static String replicaService(String cluster) {
    return checked(cluster) + "-replica";
  }

  /** The pod of instance {@code index}, as the StatefulSet names it. */
  public static String podName(String cluster, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("an instance index is not negative, got " + index);
    }
    return statefulSet(cluster) + "-" + index;
  }

  /**
   * The DNS name of instance {@code index} inside the Kubernetes cluster, without the cluster
   * domain (which varies; the resolver's search path completes it): {@code
   * <pod>.<headless>.<namespace>.svc}.
   */
  public static String podHost(String cluster, String namespace, int index) {
    return podName(cluster, index) + "." + headlessService(cluster) + "." + namespace + ".svc";
  }

  /**
   * The my.cnf ConfigMap of one configuration: a new content gets a new name, so pods started with
   * the old one keep it until they are restarted on purpose.
   */
  public static String myCnfConfigMap(String cluster, String contentHash) {
    if (contentHash == null || !contentHash.matches("[0-9a-z]{1,16}")) {
      throw new IllegalArgumentException(
          "a my.cnf hash is 1 to 16 lowercase letters or digits, got " + contentHash);
    }
    return PREFIX + checked(cluster) + "-mycnf-" + contentHash;
  }

  /** The Secret with the passwords of the operator's MySQL users ({@link MySQLUsers}). */
  public static String operatorSecret(String cluster) {
    return PREFIX + checked(cluster) + "-operator";
  }

  /**
   * The Secret applications read: the read-only and writable users' names and passwords and the
   * Services to connect to ({@link MySQLUsers#USER_SECRET_KEYS}).
   */
  public static String userSecret(String cluster) {
    return PREFIX + checked(cluster) + "-credentials";
  }

  /** The ServiceAccount of the MySQL pods. */
  public static String serviceAccount(String cluster) {
    return PREFIX + checked(cluster);
  }

  /** The PodDisruptionBudget of the MySQL pods. */
  public static String podDisruptionBudget(String cluster) {
    return PREFIX + checked(cluster);
  }

  private static String checked(String cluster) {
    if (cluster == null || cluster.isEmpty()) {
      throw new IllegalArgumentException("a MySQLCluster name is required");
    }
    if (cluster.length() > MAX_CLUSTER_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "MySQLCluster name \""
              + cluster
              + "\" is longer than "
              + MAX_CLUSTER_NAME_LENGTH
              + " characters: the names derived from it would exceed Kubernetes' limits");
    }
    return cluster;
  }
}
