package dev.moco4j.backup.binlog;

/**
 * Names segments after where they start in the source's binlog: {@code binlog.000042-000000001234}.
 * Within one server the names sort in stream order, and a segment fetched again after a crash (from
 * the same archive cursor) gets the name it had, so it replaces its orphaned object.
 */
final class SegmentNames {

  private SegmentNames() {}

  static String of(String sourceFile, long startPosition) {
    return sourceFile + "-" + String.format("%012d", startPosition);
  }
}
