package dev.moco4j.mysql;

/**
 * Counts of an instance's server sessions, from its process list.
 *
 * @param replicaConnections binlog dump sessions: replicas connected to this instance right now
 * @param semiSyncAckWaits sessions whose commit waits for a replica's semi-sync acknowledgement
 */
public record Sessions(int replicaConnections, int semiSyncAckWaits) {}
