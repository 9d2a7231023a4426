package dev.moco4j.mysql.gtid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of transaction numbers kept as sorted, disjoint, non-adjacent intervals, the
 * normal form MySQL itself uses ({@code 1-3} and {@code 4-5} become {@code 1-5}).
 */
final class IntervalSet {

  static final IntervalSet EMPTY = new IntervalSet(List.of());

  private final List<Interval> intervals;

  private IntervalSet(List<Interval> normalized) {
    this.intervals = List.copyOf(normalized);
  }

  static IntervalSet of(Collection<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(null);
    List<Interval> merged = new ArrayList<>();
    for (Interval next : sorted) {
      if (!merged.isEmpty()) {
        Interval last = merged.getLast();
        // end + 1 cannot overflow in practice: MySQL caps transaction numbers at 2^63 - 2.
        if (next.start() <= last.end() + 1) {
          merged.set(
              merged.size() - 1, new Interval(last.start(), Math.max(last.end(), next.end())));
          continue;
        }
      }
      merged.add(next);
    }
    return new IntervalSet(merged);
  }

  List<Interval> intervals() {
    return intervals;
  }

  boolean isEmpty() {
    return intervals.isEmpty();
  }

  long count() {
    return intervals.stream().mapToLong(Interval::size).sum();
  }

  boolean contains(long gno) {
    for (Interval interval : intervals) {
      if (gno < interval.start()) {
        return false;
      }
      if (gno <= interval.end()) {
        return true;
      }
    }
    return false;
  }

  IntervalSet union(IntervalSet other) {
    List<Interval> all = new ArrayList<>(intervals);
    all.addAll(other.intervals);
    return of(all);
  }

  IntervalSet subtract(IntervalSet other) {
    List<Interval> result = new ArrayList<>();
    int j = 0;
    for (Interval interval : intervals) {
      long start = interval.start();
      long end = interval.end();
      while (j < other.intervals.size() && other.intervals.get(j).end() < start) {
        j++;
      }
      int k = j;
      while (start <= end && k < other.intervals.size() && other.intervals.get(k).start() <= end) {
        Interval cut = other.intervals.get(k);
        if (cut.start() > start) {
          result.add(new Interval(start, cut.start() - 1));
        }
        start = Math.max(start, cut.end() + 1);
        k++;
      }
      if (start <= end) {
        result.add(new Interval(start, end));
      }
    }
    return new IntervalSet(result);
  }

  IntervalSet intersect(IntervalSet other) {
    return subtract(subtract(other));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalSet other && intervals.equals(other.intervals);
  }

  @Override
  public int hashCode() {
    return intervals.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Interval interval : intervals) {
      text.append(':').append(interval);
    }
    return text.toString();
  }
}
