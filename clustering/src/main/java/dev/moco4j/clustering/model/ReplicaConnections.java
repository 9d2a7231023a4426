package dev.moco4j.clustering.model;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.Sessions;
import java.util.Optional;

/**
 * Cross-checks the replicas' view with the primary's: a replica counts as synced from its own
 * {@code SHOW REPLICA STATUS}, but the primary can only wait for acknowledgements from replicas it
 * has a binlog dump session for. Fewer sessions than synced replicas (a half-open connection, a
 * replica's I/O thread reconnecting) means the semi-sync guarantee is weaker than the count says.
 */
final class ReplicaConnections {

  private ReplicaConnections() {}

  /** Why the primary's connections do not back the synced count; empty when they do. */
  static Optional<String> shortfall(InstanceFacts primary, int synced) {
    return primary
        .sessions()
        .map(Sessions::replicaConnections)
        .filter(connected -> connected < synced)
        .map(
            connected ->
                "the primary sees "
                    + connected
                    + " replica connections for "
                    + synced
                    + " synced replicas");
  }
}
