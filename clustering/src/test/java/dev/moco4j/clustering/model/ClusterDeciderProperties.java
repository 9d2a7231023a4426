package dev.moco4j.clustering.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.ClusterObservation.SwitchoverRequest;
import dev.moco4j.clustering.model.Operation.Converge;
import dev.moco4j.clustering.model.Operation.Failover;
import dev.moco4j.clustering.model.Operation.Switchover;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.clustering.model.Step.ReplicateFromPrimary;
import dev.moco4j.clustering.model.Step.Seed;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicaStatus.IoThreadState;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * What the decision model promises for any observation, checked on random clusters of 1, 3 and 5
 * instances. Every legitimate transaction comes from the primary's stream {@code P:1-n}; an
 * instance "truly errant" also executed transactions of other servers ({@link Facts#X}, {@link
 * Facts#Y}).
 */
class ClusterDeciderProperties {

  private static final int STREAM = 12;

  // ---------------------------------------------------------------------------------------------
  // The properties.

  @Property
  void neverTwoWritableInstancesAfterThePlan(@ForAll("scenarios") Scenario s) {
    ClusterObservation o = s.observation();
    Decision decision = ClusterDecider.decide(o);
    Map<Integer, Boolean> writable = simulate(o, decision.operation());

    for (Step step : steps(decision)) {
      if (step instanceof MakeWritable) {
        assertThat(step.instance())
            .as("only the recorded primary is made writable")
            .isEqualTo(o.currentPrimaryIndex());
      }
    }
    boolean actsOnAPresentPrimary =
        o.primary().isUp()
            && !o.shape().clusteringStopped()
            && Set.of(ClusterState.HEALTHY, ClusterState.DEGRADED, ClusterState.INCOMPLETE)
                .contains(decision.state());
    if (actsOnAPresentPrimary) {
      Set<Integer> writableAfter = new TreeSet<>();
      writable.forEach(
          (index, w) -> {
            if (w) {
              writableAfter.add(index);
            }
          });
      assertThat(writableAfter)
          .as("writable instances after %s", decision.operation())
          .hasSizeLessThanOrEqualTo(1)
          .allMatch(i -> i == o.currentPrimaryIndex());
    }
  }

  @Property
  void neverPromotesAnErrantInstance(@ForAll("scenarios") Scenario s) {
    ClusterObservation o = s.observation();
    Decision decision = ClusterDecider.decide(o);
    switch (decision.operation()) {
      case Switchover switchover -> {
        int to = switchover.to();
        assertThat(switchover.from()).isEqualTo(o.currentPrimaryIndex());
        assertThat(to).isNotEqualTo(o.currentPrimaryIndex());
        assertThat(decision.errant()).doesNotContain(to);
        assertThat(s.trulyErrant()).doesNotContain(to);
        assertThat(decision.synced()).contains(to);
        // A replica recorded errant may be promoted only once it holds nothing the primary lacks,
        // i.e. after it was re-initialized (or its errant transactions were repaired).
        if (o.knownErrant().contains(to)) {
          assertThat(executed(o, to).isSubsetOf(executed(o, o.currentPrimaryIndex()))).isTrue();
        }
      }
      case Failover failover -> {
        assertThat(failover.failedPrimary()).isEqualTo(o.currentPrimaryIndex());
        assertThat(failover.candidates())
            .isNotEmpty()
            .doesNotContain(o.currentPrimaryIndex())
            .allMatch(i -> o.instances().get(i).isUp())
            .noneMatch(i -> o.knownErrant().contains(i));
        choose(o, failover)
            .ifPresent(
                choice -> {
                  assertThat(failover.candidates()).contains(choice.candidate());
                  assertThat(o.knownErrant()).doesNotContain(choice.candidate());
                });
      }
      default -> {}
    }
  }

  @Property
  void failoverCandidateReceivedEverythingTheOtherNonErrantReplicasExecuted(
      @ForAll("scenarios") Scenario s) {
    ClusterObservation o = s.observation();
    Decision decision = ClusterDecider.decide(o);
    if (!(decision.operation() instanceof Failover failover)) {
      return;
    }
    Optional<FailoverChoice> chosen = choose(o, failover);
    boolean nested = failover.candidates().stream().noneMatch(i -> s.trulyErrant().contains(i));
    if (nested) {
      assertThat(chosen).as("replicas that only lag behind always have a candidate").isPresent();
    }
    if (chosen.isEmpty()) {
      return;
    }
    FailoverChoice choice = chosen.get();
    for (int other : failover.candidates()) {
      GtidSet executed = executed(o, other);
      assertThat(executed.isSubsetOf(choice.received()))
          .as(
              "instance %d's %s lost by promoting %d with %s",
              other, executed, choice.candidate(), choice.received())
          .isTrue();
    }
  }

  @Property
  void lostNeverPromotesAndFailedNeedsMoreThanHalfOfTheReplicas(@ForAll("scenarios") Scenario s) {
    ClusterObservation o = s.observation();
    Decision decision = ClusterDecider.decide(o);
    long usable =
        o.replicas().stream()
            .filter(InstanceObservation::isUp)
            .filter(r -> !o.knownErrant().contains(r.index()))
            .count();
    if (decision.state() == ClusterState.LOST) {
      assertThat(decision.operation())
          .isNotInstanceOf(Switchover.class)
          .isNotInstanceOf(Failover.class);
    }
    if (decision.state() == ClusterState.FAILED) {
      assertThat(2 * usable).isGreaterThan(o.shape().replicas());
    }
    if (decision.operation() instanceof Failover) {
      assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
      assertThat(o.shape().clusteringStopped()).isFalse();
    }
    if (decision.operation() instanceof Switchover) {
      assertThat(decision.state()).isIn(ClusterState.HEALTHY, ClusterState.DEGRADED);
      assertThat(o.shape().clusteringStopped()).isFalse();
    }
    if (o.shape().clusteringStopped()) {
      assertThat(decision.operation()).isInstanceOf(Operation.None.class);
    }
  }

  @Property
  void makeWritableIsTheLastStepAndNeverForAnIntermediatePrimary(@ForAll("scenarios") Scenario s) {
    ClusterObservation o = s.observation();
    List<Step> steps = steps(ClusterDecider.decide(o));
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof MakeWritable) {
        assertThat(i).as("MakeWritable in %s", steps).isEqualTo(steps.size() - 1);
        assertThat(o.shape().intermediatePrimary())
            .as("intermediate primary in %s", steps)
            .isFalse();
      }
    }
  }

  @Property
  void seedOnlyEverTargetsAnEmptyInstanceFromAValidDonor(@ForAll("scenarios") Scenario s) {
    ClusterObservation o = s.observation();
    Decision decision = ClusterDecider.decide(o);
    for (Step step : steps(decision)) {
      if (step instanceof Seed seed) {
        assertThat(executed(o, seed.instance()).isEmpty()).as("%s", seed).isTrue();
        assertThat(seed.donor()).isNotEqualTo(seed.instance());
        if (seed.donorIsReplica()) {
          assertThat(decision.synced()).contains(seed.donor());
        } else {
          assertThat(seed.donor()).isEqualTo(o.currentPrimaryIndex());
        }
      }
    }
  }

  @Property
  void errantInstancesAreNeverToldToReplicateNorSeeded(@ForAll("scenarios") Scenario s) {
    ClusterObservation o = s.observation();
    Decision decision = ClusterDecider.decide(o);
    for (Step step : steps(decision)) {
      if (step instanceof ReplicateFromPrimary || step instanceof Seed) {
        assertThat(decision.errant()).as("%s", step).doesNotContain(step.instance());
        assertThat(s.trulyErrant()).as("%s", step).doesNotContain(step.instance());
      }
    }
  }

  /** Not a promise of the product: keeps the generator honest about reaching every rule. */
  @Property
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void scenariosReachEveryStateAndOperation(@ForAll("scenarios") Scenario s) {
    ClusterObservation o = s.observation();
    Decision decision = ClusterDecider.decide(o);
    Statistics.label("state").collect(decision.state());
    Statistics.label("operation").collect(decision.operation().getClass().getSimpleName());
    Statistics.label("seed")
        .collect(steps(decision).stream().anyMatch(step -> step instanceof Seed));
    Statistics.label("state")
        .coverage(
            c -> {
              for (ClusterState state : ClusterState.values()) {
                c.check(state).count(n -> n > 0);
              }
            });
    Statistics.label("operation")
        .coverage(
            c -> {
              for (String op :
                  List.of("None", "Converge", "Switchover", "Failover", "CloneFromExternal")) {
                c.check(op).count(n -> n > 0);
              }
            });
    Statistics.label("seed").coverage(c -> c.check(true).count(n -> n > 0));
  }

  // ---------------------------------------------------------------------------------------------
  // Simulation helpers.

  private static List<Step> steps(Decision decision) {
    return decision.operation() instanceof Converge converge ? converge.steps() : List.of();
  }

  private static GtidSet executed(ClusterObservation o, int index) {
    return o.instances().get(index).requireFacts().gtidExecuted();
  }

  /** What the engine's failover run chooses from: the candidates, read again. */
  private static Optional<FailoverChoice> choose(ClusterObservation o, Failover failover) {
    List<InstanceObservation> candidates =
        o.replicas().stream().filter(r -> failover.candidates().contains(r.index())).toList();
    return FailoverChoice.choose(candidates, o.knownErrant());
  }

  /**
   * Which UP instances can take writes once the operation ran: a Converge's steps in order, a
   * Switchover's fencing of the old primary. No other operation changes read-only flags.
   */
  private static Map<Integer, Boolean> simulate(ClusterObservation o, Operation operation) {
    Map<Integer, Boolean> writable = new HashMap<>();
    for (InstanceObservation i : o.instances()) {
      if (i.isUp()) {
        writable.put(i.index(), !i.requireFacts().superReadOnly());
      }
    }
    switch (operation) {
      case Converge converge -> {
        for (Step step : converge.steps()) {
          if (step instanceof MakeSuperReadOnly) {
            writable.put(step.instance(), false);
          } else if (step instanceof MakeWritable) {
            writable.put(step.instance(), true);
          }
        }
      }
      case Switchover switchover -> writable.put(switchover.from(), false);
      default -> {}
    }
    return writable;
  }

  // ---------------------------------------------------------------------------------------------
  // Generators.

  enum ReadOnlyMode {
    WRITABLE,
    READ_ONLY,
    SUPER_READ_ONLY
  }

  enum StatusKind {
    NONE,
    MEMBER,
    EXTERNAL
  }

  /** One generated instance; what is pointed at and which primary is resolved later. */
  record InstanceSpec(
      Reachability reachability,
      int prefix,
      int retrievedAhead,
      int errantCount,
      String errantUuid,
      ReadOnlyMode readOnly,
      StatusKind status,
      int statusMember,
      IoThreadState io,
      boolean sqlRunning,
      int behind,
      int purged,
      boolean terminating,
      boolean demote,
      boolean fine) {

    /**
     * As the instance should be in its role, keeping only its lag, purged logs and pod flags: so
     * that healthy and degraded clusters, and so switchovers, come up often.
     */
    InstanceSpec asItShouldBe(boolean primary, boolean intermediate) {
      return new InstanceSpec(
          Reachability.UP,
          primary ? prefix : Math.abs(prefix),
          0,
          0,
          errantUuid,
          primary && !intermediate ? ReadOnlyMode.WRITABLE : ReadOnlyMode.SUPER_READ_ONLY,
          primary ? (intermediate ? StatusKind.EXTERNAL : StatusKind.NONE) : StatusKind.MEMBER,
          -1,
          IoThreadState.RUNNING,
          true,
          0,
          purged,
          terminating,
          demote,
          true);
    }
  }

  /** An observation plus what the generator knows and the model cannot: who is truly errant. */
  record Scenario(ClusterObservation observation, Set<Integer> trulyErrant) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      b.append(observation.shape())
          .append(" primary=")
          .append(observation.currentPrimaryIndex())
          .append(" knownErrant=")
          .append(observation.knownErrant())
          .append(" trulyErrant=")
          .append(trulyErrant)
          .append(" switchover=")
          .append(observation.switchoverRequest());
      for (InstanceObservation i : observation.instances()) {
        b.append("\n  ").append(i.index()).append(' ').append(i.reachability());
        b.append(' ').append(i.pod());
        i.facts()
            .ifPresent(
                f ->
                    b.append(" executed=")
                        .append(f.gtidExecuted())
                        .append(" purged=")
                        .append(f.gtidPurged())
                        .append(" ro=")
                        .append(f.readOnly())
                        .append(" sro=")
                        .append(f.superReadOnly())
                        .append(" ")
                        .append(
                            f.replicaStatus()
                                .map(
                                    r ->
                                        r.sourceHost()
                                            + " io="
                                            + r.ioThread()
                                            + " sql="
                                            + r.sqlThreadRunning()
                                            + " retrieved="
                                            + r.retrievedGtidSet()
                                            + " behind="
                                            + r.secondsBehindSource())
                                .orElse("no replication")));
      }
      return b.toString();
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Arbitraries.of(1, 3, 5).flatMap(this::scenarios);
  }

  private Arbitrary<Scenario> scenarios(int size) {
    Arbitrary<Optional<Integer>> switchoverTarget =
        Arbitraries.integers().between(0, size - 1).optional(0.5);
    Arbitrary<Optional<SwitchoverRequest>> request =
        switchoverTarget.map(SwitchoverRequest::new).optional(0.4);
    Arbitrary<ClusterShape> shape =
        Combinators.combine(
                Arbitraries.frequency(Tuple.of(85, false), Tuple.of(15, true)),
                Arbitraries.frequency(Tuple.of(25, false), Tuple.of(75, true)),
                Arbitraries.frequency(Tuple.of(95, false), Tuple.of(5, true)),
                Arbitraries.frequency(Tuple.of(90, false), Tuple.of(10, true)))
            .as(
                (intermediate, cloned, restore, stopped) -> {
                  ClusterShape s = ClusterShape.of(size);
                  if (intermediate) {
                    s = s.withIntermediatePrimary(cloned);
                  }
                  return s.withRestorePending(restore).withClusteringStopped(stopped);
                });
    Arbitrary<Set<Integer>> knownErrant =
        Arbitraries.frequencyOf(
            Tuple.of(7, Arbitraries.just(Set.<Integer>of())),
            Tuple.of(3, Arbitraries.integers().between(0, size - 1).set().ofMaxSize(2)));
    return Arbitraries.integers()
        .between(0, size - 1)
        .flatMap(
            primary -> {
              List<Arbitrary<InstanceSpec>> perInstance = new ArrayList<>();
              for (int i = 0; i < size; i++) {
                perInstance.add(instanceSpec(i == primary));
              }
              return Combinators.combine(
                      Combinators.combine(perInstance).as(List::copyOf),
                      knownErrant,
                      shape,
                      request)
                  .as((specs, errant, sh, req) -> build(specs, primary, errant, sh, req));
            });
  }

  /**
   * One instance; a primary is usually writable and replicates from nowhere, a replica is usually
   * super read-only and replicates from the primary, so that every state is reached often. For a
   * replica {@code prefix} is how far it lags behind the primary (negative: ahead of it).
   */
  private Arbitrary<InstanceSpec> instanceSpec(boolean primary) {
    Arbitrary<Reachability> reachability =
        Arbitraries.frequency(
            Tuple.of(7, Reachability.UP),
            Tuple.of(1, Reachability.SUSPECT),
            Tuple.of(2, Reachability.DOWN));
    Arbitrary<Integer> prefix =
        primary
            ? Arbitraries.integers().between(0, STREAM)
            : Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(1, 6)),
                Tuple.of(1, Arbitraries.integers().between(-3, -1)));
    Arbitrary<Integer> errantCount =
        Arbitraries.frequency(Tuple.of(80, 0), Tuple.of(10, 1), Tuple.of(10, 3));
    Arbitrary<ReadOnlyMode> readOnly =
        primary
            ? Arbitraries.frequency(
                Tuple.of(6, ReadOnlyMode.WRITABLE),
                Tuple.of(1, ReadOnlyMode.READ_ONLY),
                Tuple.of(2, ReadOnlyMode.SUPER_READ_ONLY))
            : Arbitraries.frequency(
                Tuple.of(2, ReadOnlyMode.WRITABLE),
                Tuple.of(1, ReadOnlyMode.READ_ONLY),
                Tuple.of(6, ReadOnlyMode.SUPER_READ_ONLY));
    Arbitrary<StatusKind> status =
        primary
            ? Arbitraries.frequency(
                Tuple.of(6, StatusKind.NONE),
                Tuple.of(1, StatusKind.MEMBER),
                Tuple.of(2, StatusKind.EXTERNAL))
            : Arbitraries.frequency(
                Tuple.of(1, StatusKind.NONE),
                Tuple.of(6, StatusKind.MEMBER),
                Tuple.of(1, StatusKind.EXTERNAL));
    var first =
        Combinators.combine(
                reachability,
                prefix,
                Arbitraries.integers().between(0, 3),
                errantCount,
                Arbitraries.of(Facts.X, Facts.Y),
                readOnly,
                status,
                Arbitraries.frequency(
                    Tuple.of(3, -1), Tuple.of(1, 0), Tuple.of(1, 1), Tuple.of(1, 2)))
            .as(Tuple::of);
    var second =
        Combinators.combine(
                Arbitraries.frequency(
                    Tuple.of(6, IoThreadState.RUNNING),
                    Tuple.of(1, IoThreadState.CONNECTING),
                    Tuple.of(1, IoThreadState.STOPPED)),
                Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)),
                Arbitraries.of(0, 0, 5, 300),
                Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(0)),
                    Tuple.of(1, Arbitraries.integers().between(1, STREAM))),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
                Arbitraries.frequency(Tuple.of(1, false), Tuple.of(1, true)))
            .as(Tuple::of);
    return Combinators.combine(first, second)
        .as(
            (a, b) ->
                new InstanceSpec(
                    a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), a.get7(), a.get8(),
                    b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6(), b.get7()));
  }

  private static Scenario build(
      List<InstanceSpec> specs,
      int primary,
      Set<Integer> knownErrant,
      ClusterShape shape,
      Optional<SwitchoverRequest> request) {
    int size = specs.size();
    Clusters cluster = Clusters.of(size).primaryIndex(primary);
    if (shape.intermediatePrimary()) {
      cluster.intermediatePrimary(shape.cloned());
    }
    if (shape.restorePending()) {
      cluster.restorePending();
    }
    if (shape.clusteringStopped()) {
      cluster.clusteringStopped();
    }
    request.ifPresent(
        r ->
            r.target().ifPresentOrElse(cluster::switchoverRequested, cluster::switchoverRequested));
    cluster.knownErrant(knownErrant.toArray(Integer[]::new));
    Set<Integer> trulyErrant = new HashSet<>();
    int stream = specs.get(primary).prefix();
    for (int i = 0; i < size; i++) {
      InstanceSpec spec = specs.get(i);
      if (spec.fine()) {
        spec = spec.asItShouldBe(i == primary, shape.intermediatePrimary());
      }
      int prefix = i == primary ? stream : Math.max(0, stream - spec.prefix());
      cluster.pod(i, new PodFlags(spec.terminating(), spec.demote()));
      switch (spec.reachability()) {
        case UP -> cluster.up(i, facts(spec, prefix, i, primary, size));
        case SUSPECT -> cluster.suspect(i);
        case DOWN -> cluster.down(i);
      }
      if (i != primary && spec.errantCount() > 0) {
        trulyErrant.add(i);
      }
    }
    return new Scenario(cluster.observation(), Set.copyOf(trulyErrant));
  }

  private static InstanceFacts facts(
      InstanceSpec spec, int prefix, int index, int primary, int size) {
    boolean isPrimary = index == primary;
    GtidSet executed = Facts.p(prefix);
    if (!isPrimary) {
      executed = executed.union(Facts.gtids(spec.errantUuid(), spec.errantCount()));
    }
    Facts f;
    if (spec.status() == StatusKind.NONE) {
      f = Facts.primary(executed);
    } else {
      MySqlEndpoint source;
      String sourceUuid;
      if (spec.status() == StatusKind.EXTERNAL) {
        source = Facts.EXTERNAL;
        sourceUuid = Facts.EXTERNAL_UUID;
      } else {
        // -1 (the most frequent) means the recorded primary; otherwise another member.
        int member = spec.statusMember() < 0 ? primary : (index + 1 + spec.statusMember()) % size;
        if (member == index) {
          member = primary;
        }
        source = Facts.endpoint(member);
        sourceUuid = member == primary ? Facts.P : uuidOf(member);
      }
      f =
          Facts.replicaOf(source, executed)
              .sourceUuid(sourceUuid)
              .retrieved(Facts.p(prefix + spec.retrievedAhead()))
              .ioThread(spec.io())
              .sqlThread(spec.sqlRunning())
              .secondsBehind(spec.behind());
    }
    switch (spec.readOnly()) {
      case WRITABLE -> f.writable();
      case READ_ONLY -> f.onlyReadOnly();
      case SUPER_READ_ONLY -> f.superReadOnly();
    }
    f.purged(Facts.p(Math.min(spec.purged(), prefix)));
    f.serverUuid(isPrimary ? Facts.P : uuidOf(index));
    return f.build(100 + index);
  }

  private static String uuidOf(int index) {
    return String.format("bbbbbbbb-0000-0000-0000-%012d", 100 + index);
  }
}
