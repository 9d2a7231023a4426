package dev.moco4j.clustering.model;

import static dev.moco4j.clustering.model.Seeds.chance;
import static dev.moco4j.clustering.model.Seeds.oneOf;

import dev.moco4j.mysql.ReplicaStatus.IoThreadState;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * A cluster's past, generated transaction by transaction, and what one pass then observes of it.
 *
 * <p>A former primary wrote {@code F:1-f}, which every instance with data holds. The primary wrote
 * its stream {@code S:1-n} on top ({@link Facts#P}; for an intermediate primary the external
 * source's stream, which it relays). Each replica received a prefix of the stream and executed a
 * prefix of that. Semi-sync: a transaction is acknowledged to its client once (instances - 1) / 2
 * replicas received it, and receipt only grows, so the committed transactions are {@code S:1-c}.
 * Then things happen: the primary dies, loses its tail or its data; replicas go down, are wiped
 * (empty, new server_uuid, no replication), re-pointed or reset; some got transactions written
 * somewhere other than the primary. The decider sees only the observation; the properties judge it
 * by the history.
 */
final class History {

  static final String FORMER = "dddddddd-0000-0000-0000-000000000001";

  /** What became of the primary. */
  enum PrimaryFate {
    UP,
    SUSPECT,
    DOWN,
    /** Restarted read-only without the end of its stream (no sync_binlog, a restored volume). */
    LOST_TAIL,
    /** Came back empty with a new server_uuid. */
    WIPED
  }

  /** What became of a replica after it received its part of the stream. */
  enum ReplicaFate {
    KEPT,
    SUSPECT,
    DOWN,
    WIPED,
    /** Wiped, then set up to replicate from another replica, from which it got that one's data. */
    WIPED_AND_REPOINTED,
    /** Keeps its data but replicates from another replica or an outside source. */
    REPOINTED,
    /** Keeps its data, replication reset. */
    RESET
  }

  /** Transactions a replica holds that were not written on the primary. */
  enum Foreign {
    NONE,
    /** Written on the replica itself: its own server_uuid. */
    OWN_WRITE,
    /** Replicated from some other server. */
    OTHER_SERVER,
    /** The former primary's last transactions, which never reached the current primary. */
    FORMER_LEFTOVER,
    /** Of the external source's stream, beyond what the intermediate primary ever received. */
    BEYOND_SOURCE
  }

  record Replica(
      int index,
      int received,
      int executed,
      ReplicaFate fate,
      int source,
      Foreign foreign,
      int foreignCount,
      IoThreadState io,
      boolean sqlRunning,
      boolean recordedErrant) {

    boolean up() {
      return fate != ReplicaFate.DOWN && fate != ReplicaFate.SUSPECT;
    }

    boolean wiped() {
      return fate == ReplicaFate.WIPED || fate == ReplicaFate.WIPED_AND_REPOINTED;
    }

    /** Holds a transaction that was not written on the primary. */
    boolean errant() {
      return foreign != Foreign.NONE;
    }

    /** Replication from the primary is set up and its threads run (or connect). */
    boolean replicatingFromPrimary() {
      return fate == ReplicaFate.KEPT && io != IoThreadState.STOPPED && sqlRunning;
    }
  }

  final int size;
  final int primary;
  final boolean intermediate;
  final boolean clusteringStopped;
  final int former;
  final int written;
  final int committed;
  final PrimaryFate primaryFate;
  final boolean primaryWritable;
  final int primaryShows;
  final int primaryReceived;
  final List<Replica> replicas;
  final ClusterObservation observation;

  private History(RandomGenerator random) {
    size = oneOf(random, 1, 3, 3, 5, 5);
    primary = random.nextInt(size);
    intermediate = chance(random, 0.15);
    clusteringStopped = chance(random, 0.05);
    former = oneOf(random, 0, 0, 3);
    written = random.nextInt(13);
    int[] received = new int[size];
    for (int r = 0; r < size; r++) {
      received[r] = r == primary || chance(random, 0.4) ? written : random.nextInt(written + 1);
    }
    committed = committed(received);
    primaryFate =
        oneOf(
            random,
            PrimaryFate.DOWN,
            PrimaryFate.DOWN,
            PrimaryFate.DOWN,
            PrimaryFate.DOWN,
            PrimaryFate.UP,
            PrimaryFate.UP,
            PrimaryFate.UP,
            PrimaryFate.SUSPECT,
            intermediate || written == 0 ? PrimaryFate.UP : PrimaryFate.LOST_TAIL,
            PrimaryFate.WIPED);
    primaryWritable = primaryFate == PrimaryFate.UP && !intermediate && chance(random, 0.8);
    primaryShows =
        switch (primaryFate) {
          // Acknowledged transactions reach gtid_executed in the commit stage that follows the
          // acknowledgement, those waiting for acknowledgements not at all; a read-only primary
          // has no commit under way.
          case UP ->
              primaryWritable || intermediate
                  ? committed - random.nextInt(Math.min(2, committed) + 1)
                  : written;
          case LOST_TAIL -> random.nextInt(written);
          default -> 0;
        };
    primaryReceived = written + random.nextInt(3);
    replicas = new ArrayList<>();
    for (int r = 0; r < size; r++) {
      replicas.add(r == primary ? null : replica(random, r, received[r]));
    }
    observation = observe();
  }

  static History generate(RandomGenerator random) {
    return new History(random);
  }

  /** Semi-sync: the longest prefix of the stream each of whose transactions got enough acks. */
  private int committed(int[] received) {
    int needed = (size - 1) / 2;
    int c = 0;
    while (c < written) {
      int acks = 0;
      for (int r = 0; r < size; r++) {
        if (r != primary && received[r] >= c + 1) {
          acks++;
        }
      }
      if (acks < needed) {
        break;
      }
      c++;
    }
    return c;
  }

  private Replica replica(RandomGenerator random, int index, int received) {
    int executed = chance(random, 0.3) ? random.nextInt(received + 1) : received;
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (i != index && i != primary) {
        others.add(i);
      }
    }
    ReplicaFate fate =
        oneOf(
            random,
            ReplicaFate.KEPT,
            ReplicaFate.KEPT,
            ReplicaFate.KEPT,
            ReplicaFate.KEPT,
            ReplicaFate.KEPT,
            ReplicaFate.KEPT,
            ReplicaFate.DOWN,
            ReplicaFate.DOWN,
            ReplicaFate.SUSPECT,
            ReplicaFate.WIPED,
            ReplicaFate.WIPED,
            ReplicaFate.WIPED_AND_REPOINTED,
            ReplicaFate.REPOINTED,
            ReplicaFate.RESET);
    if (fate == ReplicaFate.WIPED_AND_REPOINTED && others.isEmpty()) {
      fate = ReplicaFate.WIPED;
    }
    // Another replica; -1 for an outside source.
    int source = others.isEmpty() ? -1 : oneOf(random, others);
    if (fate == ReplicaFate.REPOINTED && chance(random, 0.2)) {
      source = -1;
    }
    boolean wiped = fate == ReplicaFate.WIPED || fate == ReplicaFate.WIPED_AND_REPOINTED;
    Foreign foreign = Foreign.NONE;
    if (!wiped && chance(random, 0.25)) {
      foreign =
          oneOf(
              random,
              Foreign.OWN_WRITE,
              Foreign.OTHER_SERVER,
              former > 0 ? Foreign.FORMER_LEFTOVER : Foreign.OWN_WRITE,
              intermediate ? Foreign.BEYOND_SOURCE : Foreign.OTHER_SERVER);
    }
    // Errant writes are recorded by the pass after them, unless the primary died first; a wiped
    // instance may still be recorded from before it was re-initialized.
    boolean recorded =
        foreign != Foreign.NONE ? chance(random, 0.5) : wiped && chance(random, 0.15);
    return new Replica(
        index,
        received,
        executed,
        fate,
        source,
        foreign,
        random.nextInt(1, 3),
        oneOf(
            random,
            IoThreadState.RUNNING,
            IoThreadState.RUNNING,
            IoThreadState.RUNNING,
            IoThreadState.CONNECTING,
            IoThreadState.CONNECTING,
            IoThreadState.STOPPED),
        !chance(random, 0.1),
        recorded);
  }

  // ---------------------------------------------------------------------------------------------
  // What the oracle knows.

  String stream() {
    return intermediate ? Facts.EXTERNAL_UUID : Facts.P;
  }

  List<Replica> replicas() {
    return replicas.stream().filter(r -> r != null).toList();
  }

  Replica replica(int index) {
    return replicas.get(index);
  }

  /** The acknowledged transactions the set lacks. */
  List<String> committedMissingFrom(GtidSet set) {
    List<String> missing = new ArrayList<>();
    for (int t = 1; t <= former; t++) {
      if (!set.contains(FORMER, "", t)) {
        missing.add(FORMER + ":" + t);
      }
    }
    for (int t = 1; t <= committed; t++) {
      if (!set.contains(stream(), "", t)) {
        missing.add(stream() + ":" + t);
      }
    }
    return missing;
  }

  /** The replica holds some transaction now. */
  boolean holdsData(Replica r) {
    return switch (r.fate()) {
      case WIPED -> false;
      case WIPED_AND_REPOINTED -> former > 0 || replica(r.source()).executed() > 0;
      default -> former > 0 || r.executed() > 0 || r.errant();
    };
  }

  /**
   * Could have acknowledged the primary's commits and kept what it acknowledged: up, never wiped,
   * still set up from the primary, holding data.
   */
  boolean canVouch(Replica r) {
    return r.fate() == ReplicaFate.KEPT && holdsData(r);
  }

  /** The primary is up and shows some transaction. */
  boolean primaryShowsData() {
    return primaryFate == PrimaryFate.UP && former + primaryShows > 0;
  }

  // ---------------------------------------------------------------------------------------------
  // What one pass observes.

  private static String renewedUuid(int index) {
    return String.format("bbbbbbbb-0000-0000-0001-%012d", 100 + index);
  }

  private GtidSet base(int stream) {
    return Facts.gtids(FORMER, former).union(Facts.gtids(stream(), stream));
  }

  private GtidSet foreign(Replica r) {
    int k = r.foreignCount();
    return switch (r.foreign()) {
      case NONE -> GtidSet.EMPTY;
      case OWN_WRITE -> Facts.gtids(RandomObservations.uuidOf(r.index()), k);
      case OTHER_SERVER -> Facts.gtids(Facts.X, k);
      case FORMER_LEFTOVER -> GtidSet.of(FORMER, former + 1, former + k);
      case BEYOND_SOURCE -> GtidSet.of(stream(), primaryReceived + 1, primaryReceived + k);
    };
  }

  private ClusterObservation observe() {
    Clusters cluster = Clusters.of(size).primaryIndex(primary);
    if (intermediate) {
      cluster.intermediatePrimary(true);
    }
    if (clusteringStopped) {
      cluster.clusteringStopped();
    }
    switch (primaryFate) {
      case DOWN -> cluster.down(primary);
      case SUSPECT -> cluster.suspect(primary);
      case WIPED -> cluster.up(primary, Facts.empty().serverUuid(renewedUuid(primary)));
      default -> {
        Facts f =
            intermediate
                ? Facts.replicaOf(Facts.EXTERNAL, base(primaryShows))
                    .retrieved(base(primaryReceived))
                    .serverUuid(Facts.P)
                : Facts.primary(base(primaryShows));
        cluster.up(primary, primaryWritable ? f.writable() : f.superReadOnly());
      }
    }
    for (Replica r : replicas()) {
      if (r.recordedErrant()) {
        cluster.knownErrant(r.index());
      }
      int i = r.index();
      GtidSet executed = base(r.executed()).union(foreign(r));
      GtidSet received = base(r.received()).union(foreign(r));
      String uuid = RandomObservations.uuidOf(i);
      switch (r.fate()) {
        case DOWN -> cluster.down(i);
        case SUSPECT -> cluster.suspect(i);
        case WIPED -> cluster.up(i, Facts.empty().serverUuid(renewedUuid(i)));
        case WIPED_AND_REPOINTED -> {
          GtidSet copy = base(replica(r.source()).executed());
          cluster.up(
              i,
              Facts.replicaOf(r.source(), copy)
                  .sourceUuid(RandomObservations.uuidOf(r.source()))
                  .serverUuid(renewedUuid(i)));
        }
        case RESET -> cluster.up(i, Facts.primary(executed).superReadOnly().serverUuid(uuid));
        case REPOINTED -> {
          Facts f =
              r.source() < 0
                  ? Facts.replicaOf(Facts.EXTERNAL, executed)
                  : Facts.replicaOf(r.source(), executed)
                      .sourceUuid(RandomObservations.uuidOf(r.source()));
          cluster.up(i, replicating(f.retrieved(received), r).serverUuid(uuid));
        }
        case KEPT ->
            cluster.up(
                i,
                replicating(Facts.replicaOf(primary, executed).retrieved(received), r)
                    .serverUuid(uuid));
      }
    }
    return cluster.observation();
  }

  private static Facts replicating(Facts f, Replica r) {
    return f.ioThread(r.io()).sqlThread(r.sqlRunning());
  }

  /** Checks a property on {@code cases} histories, each with the decision on its observation. */
  static void forAll(int cases, BiConsumer<History, Decision> property) {
    Seeds.check(
        cases, History::generate, h -> property.accept(h, ClusterDecider.decide(h.observation)));
  }

  /** How often each label comes up over fixed seeds: keeps the generator honest. */
  static Map<String, Integer> reached(
      int cases, BiFunction<History, Decision, List<String>> labels) {
    Map<String, Integer> reached = new TreeMap<>();
    for (long seed = 0; seed < cases; seed++) {
      History h = generate(new SplittableRandom(seed));
      for (String label : labels.apply(h, ClusterDecider.decide(h.observation))) {
        reached.merge(label, 1, Integer::sum);
      }
    }
    return reached;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append("history: F:1-")
        .append(former)
        .append(" then ")
        .append(stream())
        .append(":1-")
        .append(written)
        .append(", committed to ")
        .append(committed)
        .append("; primary ")
        .append(primary)
        .append(' ')
        .append(primaryFate)
        .append(primaryWritable ? " writable" : "")
        .append(" shows ")
        .append(primaryShows);
    for (Replica r : replicas()) {
      b.append("\n  ").append(r);
    }
    return b.append("\nobserved: ").append(Describe.observation(observation)).toString();
  }
}
