package dev.moco4j.mysql.gtid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

/**
 * A set of MySQL global transaction identifiers, as in {@code @@gtid_executed}.
 *
 * <p>Parses MySQL's text form, including the tagged GTIDs of MySQL 8.3 and later ({@code
 * uuid:1-5:tag:1-3}), and prints a normalized form: sources sorted by UUID, untagged ranges before
 * tagged ones, tags sorted, ranges merged, no whitespace. Two sets are equal when they hold the
 * same transactions, whatever their text looked like. Instances are immutable.
 */
public final class GtidSet {

  /** The identity of a transaction stream: the originating server's UUID plus an optional tag. */
  public record Source(String uuid, String tag) implements Comparable<Source> {
    public Source {
      Objects.requireNonNull(uuid);
      Objects.requireNonNull(tag);
    }

    @Override
    public int compareTo(Source other) {
      int byUuid = uuid.compareTo(other.uuid);
      return byUuid != 0 ? byUuid : tag.compareTo(other.tag);
    }
  }

  public static final GtidSet EMPTY = new GtidSet(new TreeMap<>());

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  // MySQL's tag syntax: a letter or underscore, then up to 31 letters, digits or underscores.
  private static final Pattern TAG = Pattern.compile("[a-z_][a-z0-9_]{0,31}");

  private final SortedMap<Source, IntervalSet> sources;

  private GtidSet(SortedMap<Source, IntervalSet> sources) {
    this.sources = Collections.unmodifiableSortedMap(sources);
  }

  /**
   * Parses MySQL's text form; {@code null} and blank text are the empty set.
   *
   * @throws IllegalArgumentException naming the offending part when the text is not a GTID set
   */
  public static GtidSet parse(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    Map<Source, List<Interval>> collected = new TreeMap<>();
    for (String element : text.split(",")) {
      String trimmed = element.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      parseElement(trimmed, text, collected);
    }
    TreeMap<Source, IntervalSet> normalized = new TreeMap<>();
    collected.forEach(
        (source, intervals) -> {
          IntervalSet set = IntervalSet.of(intervals);
          if (!set.isEmpty()) {
            normalized.put(source, set);
          }
        });
    return new GtidSet(normalized);
  }

  private static void parseElement(
      String element, String whole, Map<Source, List<Interval>> collected) {
    String[] parts = element.split(":", -1);
    String uuid = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!UUID.matcher(uuid).matches()) {
      throw new IllegalArgumentException(
          "not a GTID set: '" + parts[0] + "' is not a server UUID in '" + whole + "'");
    }
    String tag = "";
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      String lower = part.toLowerCase(java.util.Locale.ROOT);
      if (TAG.matcher(lower).matches()) {
        tag = lower;
        collected.computeIfAbsent(new Source(uuid, tag), s -> new ArrayList<>());
      } else {
        collected
            .computeIfAbsent(new Source(uuid, tag), s -> new ArrayList<>())
            .add(parseInterval(part, whole));
      }
    }
  }

  private static Interval parseInterval(String part, String whole) {
    try {
      int dash = part.indexOf('-');
      if (dash < 0) {
        long gno = Long.parseLong(part);
        return new Interval(gno, gno);
      }
      return new Interval(
          Long.parseLong(part.substring(0, dash).strip()),
          Long.parseLong(part.substring(dash + 1).strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a GTID set: '" + part + "' is not a transaction range in '" + whole + "'", e);
    }
  }

  /** A set holding one range of one untagged source, e.g. for tests and bookkeeping. */
  public static GtidSet of(String uuid, long start, long end) {
    return parse(uuid + ":" + start + "-" + end);
  }

  public boolean isEmpty() {
    return sources.isEmpty();
  }

  /** The number of transactions in the set. */
  public long count() {
    return sources.values().stream().mapToLong(IntervalSet::count).sum();
  }

  /** The server UUIDs that originated transactions in this set. */
  public java.util.SortedSet<String> uuids() {
    java.util.TreeSet<String> uuids = new java.util.TreeSet<>();
    sources.keySet().forEach(source -> uuids.add(source.uuid()));
    return uuids;
  }

  /** The transaction ranges of one source, sorted; empty when the source is absent. */
  public List<Interval> intervals(String uuid, String tag) {
    IntervalSet set = sources.get(new Source(uuid.toLowerCase(java.util.Locale.ROOT), tag));
    return set == null ? List.of() : set.intervals();
  }

  public boolean contains(String uuid, String tag, long gno) {
    IntervalSet set = sources.get(new Source(uuid.toLowerCase(java.util.Locale.ROOT), tag));
    return set != null && set.contains(gno);
  }

  public GtidSet union(GtidSet other) {
    return combine(other, IntervalSet::union, true);
  }

  /** The transactions in this set that are not in {@code other}. */
  public GtidSet subtract(GtidSet other) {
    return combine(other, IntervalSet::subtract, false);
  }

  public GtidSet intersect(GtidSet other) {
    return subtract(subtract(other));
  }

  /** Whether every transaction of this set is also in {@code other}. */
  public boolean isSubsetOf(GtidSet other) {
    return subtract(other).isEmpty();
  }

  private GtidSet combine(GtidSet other, BinaryOperator<IntervalSet> op, boolean keepOtherOnly) {
    TreeMap<Source, IntervalSet> result = new TreeMap<>();
    sources.forEach(
        (source, set) -> {
          IntervalSet combined =
              op.apply(set, other.sources.getOrDefault(source, IntervalSet.EMPTY));
          if (!combined.isEmpty()) {
            result.put(source, combined);
          }
        });
    if (keepOtherOnly) {
      other.sources.forEach(result::putIfAbsent);
    }
    return new GtidSet(result);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GtidSet other && sources.equals(other.sources);
  }

  @Override
  public int hashCode() {
    return sources.hashCode();
  }

  /** The normalized text form, accepted by MySQL wherever a GTID set is expected. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    String currentUuid = null;
    for (Map.Entry<Source, IntervalSet> entry : sources.entrySet()) {
      Source source = entry.getKey();
      if (!source.uuid().equals(currentUuid)) {
        if (currentUuid != null) {
          text.append(',');
        }
        text.append(source.uuid());
        currentUuid = source.uuid();
      }
      if (!source.tag().isEmpty()) {
        text.append(':').append(source.tag());
      }
      text.append(entry.getValue());
    }
    return text.toString();
  }
}
