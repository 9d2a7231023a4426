package dev.moco4j.mysql;

/** One replica connected to a source, as listed by {@code SHOW REPLICAS}. */
public record ReplicaHost(
    long serverId, String host, int port, long sourceId, String replicaUuid) {}
