package dev.moco4j.binlog;

import java.util.List;

/** One whole transaction read from a binlog file: its GTID event's facts and all its events. */
public record BinlogTransaction(GtidEvent gtid, List<BinlogEvent> events) {}
