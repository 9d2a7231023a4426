package dev.moco4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Median and spread of a series of measured durations. */
record Summary(String name, List<Duration> samples) {

  Duration median() {
    List<Duration> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  Duration max() {
    return sorted().getLast();
  }

  Duration min() {
    return sorted().getFirst();
  }

  private List<Duration> sorted() {
    List<Duration> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    return sorted;
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "%-10s runs=%d  median=%s  min=%s  max=%s",
        name,
        samples.size(),
        ms(median()),
        ms(min()),
        ms(max()));
  }

  private static String ms(Duration d) {
    return String.format(Locale.ROOT, "%.0f ms", d.toNanos() / 1e6);
  }
}
