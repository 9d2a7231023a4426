package dev.moco4j.api.names;

/** The annotations through which people and moco4j's services steer a MySQLCluster. */
public final class Annotations {

  /**
   * On the primary's pod: asks the health-monitor to switch the primary to another instance (value
   * {@code "true"}); the reconciler sets it before deleting an outdated primary.
   */
  public static final String DEMOTE = "moco4j.dev/demote";

  /**
   * On a MySQLCluster: the health-monitor leaves its instances alone (no switchover, failover or
   * converging) while the value is {@code "true"}.
   */
  public static final String CLUSTERING_STOPPED = "moco4j.dev/clustering-stopped";

  /**
   * On a MySQLCluster: the reconciler leaves its Kubernetes objects alone while the value is {@code
   * "true"}.
   */
  public static final String RECONCILIATION_STOPPED = "moco4j.dev/reconciliation-stopped";

  /**
   * On the pod template: a hash of exactly the inputs whose change needs a restart of mysqld. A pod
   * whose value differs from the StatefulSet's template is outdated; changes to anything else in
   * the template (say, an operator upgrade that edits its own defaults) reach new pods only.
   */
  public static final String RESTART_HASH = "moco4j.dev/restart-hash";

  /** The value that switches the boolean annotations on. */
  public static final String TRUE = "true";

  private Annotations() {}
}
