package dev.moco4j.backup.binlog;

import dev.moco4j.binlog.SegmentSummary;

/** A finished segment file waiting to be shipped, with the server whose binlog it comes from. */
record PendingSegment(String serverUuid, SegmentSummary summary) {}
