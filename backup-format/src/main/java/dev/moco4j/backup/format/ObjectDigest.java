package dev.moco4j.backup.format;

/** The size and lower-case hex SHA-256 of an object's bytes as stored in the bucket. */
public record ObjectDigest(long size, String sha256) {}
