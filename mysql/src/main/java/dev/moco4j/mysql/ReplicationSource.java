package dev.moco4j.mysql;

/**
 * The source a replica replicates from.
 *
 * @param useTls whether the replica must use TLS for the replication link ({@code SOURCE_SSL=1});
 *     stock MySQL 8 servers offer TLS, so this is the default for sources moco4j manages
 */
public record ReplicationSource(MySqlEndpoint endpoint, Credentials credentials, boolean useTls) {

  public static ReplicationSource of(MySqlEndpoint endpoint, Credentials credentials) {
    return new ReplicationSource(endpoint, credentials, true);
  }
}
