package dev.moco4j.mysql.gtid;

/** A closed range of transaction numbers, {@code start..end}, both at least 1. */
public record Interval(long start, long end) implements Comparable<Interval> {

  public Interval {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("invalid GTID interval " + start + "-" + end);
    }
  }

  public long size() {
    return end - start + 1;
  }

  @Override
  public int compareTo(Interval other) {
    return Long.compare(start, other.start);
  }

  @Override
  public String toString() {
    return start == end ? Long.toString(start) : start + "-" + end;
  }
}
