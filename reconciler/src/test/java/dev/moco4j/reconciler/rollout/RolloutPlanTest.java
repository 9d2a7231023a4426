package dev.moco4j.reconciler.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.moco4j.api.v1beta1.ClusterState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {

  private static final String NEW = "new";
  private static final String OLD = "old";

  private static PodFacts pod(int index, String hash, boolean serving) {
    return new PodFacts("db-" + index, index, hash, serving, serving, false, false, false);
  }

  private static PodFacts primary(int index, String hash, boolean demoteRequested) {
    return new PodFacts("db-" + index, index, hash, true, true, false, true, demoteRequested);
  }

  @Test
  void updatedClusterIsDone() {
    var pods = List.of(primary(0, NEW, false), pod(1, NEW, true), pod(2, NEW, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 0))
        .isEqualTo(new RolloutAction.Done());
  }

  @Test
  void outdatedReplicasGoFirstHighestIndexFirst() {
    var pods = List.of(primary(0, OLD, false), pod(1, OLD, true), pod(2, OLD, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 0))
        .isEqualTo(new RolloutAction.DeletePod("db-2"));
  }

  @Test
  void outdatedPrimaryIsAskedToStepDownBeforeItIsDeleted() {
    var pods = List.of(pod(0, NEW, true), primary(1, OLD, false), pod(2, NEW, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 1))
        .isEqualTo(new RolloutAction.RequestSwitchover("db-1"));
  }

  @Test
  void demotedPrimaryWaitsUntilThePrimaryIndexMoved() {
    var pods = List.of(pod(0, NEW, true), primary(1, OLD, true), pod(2, NEW, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 1))
        .isInstanceOf(RolloutAction.Wait.class)
        .extracting(a -> ((RolloutAction.Wait) a).reason())
        .asString()
        .contains("switch the primary away from db-1");
  }

  @Test
  void formerPrimaryIsDeletedOnceTheIndexAndTheLabelMoved() {
    var formerPrimary = new PodFacts("db-1", 1, OLD, true, true, false, false, true);
    var pods = List.of(primary(0, NEW, false), formerPrimary, pod(2, NEW, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 0))
        .isEqualTo(new RolloutAction.DeletePod("db-1"));
  }

  @Test
  void primaryIndexCountsEvenBeforeTheRoleLabelIsSet() {
    var pods = List.of(pod(0, OLD, true), pod(1, NEW, true), pod(2, NEW, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 0))
        .isEqualTo(new RolloutAction.RequestSwitchover("db-0"));
  }

  @Test
  void waitsWhileTheClusterIsNotHealthyAndSaysSo() {
    var pods = List.of(primary(0, NEW, false), pod(1, OLD, true), pod(2, NEW, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.DEGRADED, 0))
        .isEqualTo(new RolloutAction.Wait("cluster state is DEGRADED, not Healthy"));
    assertThat(RolloutPlan.next(NEW, 3, pods, null, 0))
        .isEqualTo(new RolloutAction.Wait("cluster state is not reported yet, not Healthy"));
  }

  @Test
  void waitsForAMissingInstanceAndNamesIt() {
    var pods = List.of(primary(0, NEW, false), pod(2, OLD, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 0))
        .isEqualTo(new RolloutAction.Wait("waiting for instance 1 to be created"));
  }

  @Test
  void waitsForAnotherInstanceToBeReadyAndNamesIt() {
    var pods = List.of(primary(0, NEW, false), pod(1, NEW, false), pod(2, OLD, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 0))
        .isEqualTo(new RolloutAction.Wait("waiting for db-1 to be ready before restarting db-2"));
  }

  @Test
  void aSingleInstanceIsRestartedDirectly() {
    assertThat(RolloutPlan.next(NEW, 1, List.of(primary(0, OLD, false)), ClusterState.HEALTHY, 0))
        .isEqualTo(new RolloutAction.DeletePod("db-0"));
  }

  @Test
  void podsBeyondTheInstanceCountAreIgnored() {
    var pods =
        List.of(primary(0, NEW, false), pod(1, NEW, true), pod(2, NEW, true), pod(3, OLD, true));

    assertThat(RolloutPlan.next(NEW, 3, pods, ClusterState.HEALTHY, 0))
        .isEqualTo(new RolloutAction.Done());
  }

  /**
   * Every combination for three instances (hash, Ready, gate, terminating, role label, demote
   * annotation of each pod; each cluster state; each primary index) checked against rules stated
   * independently of the planner's code.
   */
  @Test
  void everyCombinationOfThreeInstancesKeepsTheSafetyRules() {
    List<ClusterState> states = new ArrayList<>(Arrays.asList(ClusterState.values()));
    states.add(null);
    int checked = 0;
    for (int combo = 0; combo < 1 << 18; combo++) {
      List<PodFacts> pods = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int bits = combo >> (6 * i);
        pods.add(
            new PodFacts(
                "db-" + i,
                i,
                (bits & 1) != 0 ? OLD : NEW,
                (bits & 2) != 0,
                (bits & 4) != 0,
                (bits & 8) != 0,
                (bits & 16) != 0,
                (bits & 32) != 0));
      }
      for (ClusterState state : states) {
        for (Integer primary : new Integer[] {null, 0, 1, 2}) {
          RolloutAction action = RolloutPlan.next(NEW, 3, pods, state, primary);
          String broken = violation(action, pods, state, primary);
          if (broken != null) {
            fail(
                broken
                    + ": "
                    + action
                    + " for pods="
                    + pods
                    + " state="
                    + state
                    + " primary="
                    + primary);
          }
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo((1 << 18) * 8 * 4);
  }

  /** The rule the action breaks, or null; stated without the planner's code. */
  private static String violation(
      RolloutAction action, List<PodFacts> pods, ClusterState state, Integer primary) {
    boolean anyOutdated = pods.stream().anyMatch(p -> p.restartHash().equals(OLD));
    return switch (action) {
      case RolloutAction.Done done -> anyOutdated ? "done with an outdated pod" : null;
      case RolloutAction.DeletePod delete -> {
        PodFacts target = named(pods, delete.pod());
        if (state != ClusterState.HEALTHY) {
          yield "deleted while not Healthy";
        }
        if (!target.restartHash().equals(OLD)) {
          yield "deleted an up-to-date pod";
        }
        if (target.labelledPrimary() || Integer.valueOf(target.index()).equals(primary)) {
          yield "deleted the primary";
        }
        if (pods.stream().anyMatch(PodFacts::terminating)) {
          yield "deleted while another pod terminates";
        }
        yield pods.stream().anyMatch(p -> p != target && !(p.ready() && p.gateReady()))
            ? "deleted while another instance does not serve"
            : null;
      }
      case RolloutAction.RequestSwitchover switchover -> {
        PodFacts target = named(pods, switchover.pod());
        if (state != ClusterState.HEALTHY) {
          yield "switchover while not Healthy";
        }
        if (!target.restartHash().equals(OLD) || target.demoteRequested()) {
          yield "switchover of an up-to-date or already demoted pod";
        }
        if (!target.labelledPrimary() && !Integer.valueOf(target.index()).equals(primary)) {
          yield "switchover away from a replica";
        }
        yield outdatedReplica(pods, primary) ? "primary before the replicas" : null;
      }
      case RolloutAction.Wait wait -> {
        if (wait.reason().isBlank()) {
          yield "waited without saying why";
        }
        // Progress: a healthy cluster whose pods all serve never waits to replace a replica.
        boolean allServe = pods.stream().allMatch(PodFacts::serving);
        yield state == ClusterState.HEALTHY && allServe && outdatedReplica(pods, primary)
            ? "waited although a replica could be replaced"
            : null;
      }
    };
  }

  private static boolean outdatedReplica(List<PodFacts> pods, Integer primary) {
    return pods.stream()
        .anyMatch(
            p ->
                p.restartHash().equals(OLD)
                    && !p.labelledPrimary()
                    && !Integer.valueOf(p.index()).equals(primary));
  }

  private static PodFacts named(List<PodFacts> pods, String name) {
    return pods.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
