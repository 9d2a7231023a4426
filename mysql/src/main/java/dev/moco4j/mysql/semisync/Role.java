package dev.moco4j.mysql.semisync;

/** The role an instance has in its cluster, as far as semi-synchronous replication cares. */
public enum Role {
  PRIMARY,
  REPLICA,
  /**
   * The primary of a cluster that replicates from a source outside it: it is read-only and its
   * commits are applied replication events, so it must not wait for acknowledgements.
   */
  INTERMEDIATE_PRIMARY
}
