package dev.moco4j.mysql.semisync;

/** The role an instance has in its cluster, as far as semi-synchronous replication cares. */
public enum Role {
  PRIMARY,
  REPLICA
}
