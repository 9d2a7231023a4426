package dev.moco4j.clustering.model;

import static dev.moco4j.clustering.model.Seeds.chance;
import static dev.moco4j.clustering.model.Seeds.oneOf;

import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicaStatus.IoThreadState;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Random observations of clusters of 1, 3 and 5 instances, any fact in any combination, biased so
 * that every state and operation comes up often. Every legitimate transaction comes from the
 * primary's stream {@code P:1-n}; an instance "truly errant" also executed transactions of other
 * servers ({@link Facts#X}, {@link Facts#Y}).
 */
final class RandomObservations {

  private static final int STREAM = 12;

  private RandomObservations() {}

  /** An observation plus what the generator knows and the model cannot: who is truly errant. */
  record Scenario(ClusterObservation observation, Set<Integer> trulyErrant) {
    @Override
    public String toString() {
      return Describe.observation(observation) + "\n  trulyErrant=" + trulyErrant;
    }
  }

  private enum StatusKind {
    NONE,
    MEMBER,
    EXTERNAL
  }

  static Scenario scenario(RandomGenerator random) {
    int size = oneOf(random, 1, 3, 5);
    int primary = random.nextInt(size);
    Clusters cluster = Clusters.of(size).primaryIndex(primary);
    boolean intermediate = chance(random, 0.15);
    if (intermediate) {
      cluster.intermediatePrimary(chance(random, 0.75));
    }
    if (chance(random, 0.05)) {
      cluster.restorePending();
    }
    if (chance(random, 0.10)) {
      cluster.clusteringStopped();
    }
    if (chance(random, 0.4)) {
      if (random.nextBoolean()) {
        cluster.switchoverRequested(random.nextInt(size));
      } else {
        cluster.switchoverRequested();
      }
    }
    if (chance(random, 0.3)) {
      int known = random.nextInt(3);
      for (int k = 0; k < known; k++) {
        cluster.knownErrant(random.nextInt(size));
      }
    }
    int stream = random.nextInt(STREAM + 1);
    Set<Integer> trulyErrant = new HashSet<>();
    for (int i = 0; i < size; i++) {
      boolean isPrimary = i == primary;
      cluster.pod(i, new PodFlags(chance(random, 0.1), chance(random, 0.1)));
      int reachability = random.nextInt(10);
      if (reachability == 7) {
        cluster.suspect(i);
      } else if (reachability > 7) {
        cluster.down(i);
      } else {
        // Half of the instances are as they should be in their role, keeping only their lag and
        // purged logs: so that healthy and degraded clusters, and so switchovers, come up often.
        boolean fine = random.nextBoolean();
        int errantCount = fine || isPrimary ? 0 : oneOf(random, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3);
        if (errantCount > 0) {
          trulyErrant.add(i);
        }
        cluster.up(i, facts(random, fine, intermediate, stream, errantCount, i, primary, size));
      }
    }
    return new Scenario(cluster.observation(), Set.copyOf(trulyErrant));
  }

  /** For a replica, how far it lags behind the primary's stream (negative: ahead of it). */
  private static int lag(RandomGenerator random) {
    return switch (oneOf(random, 0, 0, 0, 0, 0, 1, 1, 1, 2)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1, 7);
      default -> -random.nextInt(1, 4);
    };
  }

  private static InstanceFacts facts(
      RandomGenerator random,
      boolean fine,
      boolean intermediate,
      int stream,
      int errantCount,
      int index,
      int primary,
      int size) {
    boolean isPrimary = index == primary;
    int prefix =
        isPrimary ? stream : Math.max(0, stream - (fine ? Math.abs(lag(random)) : lag(random)));
    GtidSet executed =
        Facts.p(prefix).union(Facts.gtids(oneOf(random, Facts.X, Facts.Y), errantCount));
    StatusKind status =
        fine
            ? (isPrimary
                ? (intermediate ? StatusKind.EXTERNAL : StatusKind.NONE)
                : StatusKind.MEMBER)
            : isPrimary
                ? oneOf(
                    random,
                    StatusKind.NONE,
                    StatusKind.NONE,
                    StatusKind.NONE,
                    StatusKind.MEMBER,
                    StatusKind.EXTERNAL)
                : oneOf(
                    random,
                    StatusKind.NONE,
                    StatusKind.MEMBER,
                    StatusKind.MEMBER,
                    StatusKind.MEMBER,
                    StatusKind.MEMBER,
                    StatusKind.EXTERNAL);
    Facts f;
    if (status == StatusKind.NONE) {
      f = Facts.primary(executed);
    } else {
      MySqlEndpoint source = Facts.EXTERNAL;
      String sourceUuid = Facts.EXTERNAL_UUID;
      if (status == StatusKind.MEMBER) {
        // Mostly the recorded primary; otherwise another member.
        int member = fine || chance(random, 0.5) ? primary : (index + 1 + random.nextInt(3)) % size;
        if (member == index) {
          member = primary;
        }
        source = Facts.endpoint(member);
        sourceUuid = member == primary ? Facts.P : uuidOf(member);
      }
      f =
          Facts.replicaOf(source, executed)
              .sourceUuid(sourceUuid)
              .retrieved(Facts.p(prefix + (fine ? 0 : random.nextInt(4))))
              .ioThread(
                  fine
                      ? IoThreadState.RUNNING
                      : oneOf(
                          random,
                          IoThreadState.RUNNING,
                          IoThreadState.RUNNING,
                          IoThreadState.RUNNING,
                          IoThreadState.CONNECTING,
                          IoThreadState.STOPPED))
              .sqlThread(fine || !chance(random, 0.15))
              .secondsBehind(fine ? 0 : oneOf(random, 0, 0, 5, 300));
    }
    if (fine) {
      if (isPrimary && !intermediate) {
        f.writable();
      } else {
        f.superReadOnly();
      }
    } else {
      // A primary is mostly writable, a replica mostly super read-only.
      int mode = random.nextInt(9);
      if (isPrimary ? mode < 6 : mode < 2) {
        f.writable();
      } else if (isPrimary ? mode == 6 : mode == 2) {
        f.onlyReadOnly();
      } else {
        f.superReadOnly();
      }
    }
    int purged = random.nextBoolean() ? 0 : random.nextInt(1, STREAM + 1);
    f.purged(Facts.p(Math.min(purged, prefix)));
    f.serverUuid(isPrimary ? Facts.P : uuidOf(index));
    return f.build(100 + index);
  }

  static String uuidOf(int index) {
    return String.format("bbbbbbbb-0000-0000-0000-%012d", 100 + index);
  }
}
