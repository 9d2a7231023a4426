package dev.moco4j.clustering;

/** Where the engine reports what it did (Kubernetes Events on the MySQLCluster). */
public interface EventSink {

  /** Something expected happened, e.g. a planned switchover. */
  void normal(String reason, String message);

  /** Something a user should look at, e.g. a failover or an errant replica. */
  void warning(String reason, String message);
}
