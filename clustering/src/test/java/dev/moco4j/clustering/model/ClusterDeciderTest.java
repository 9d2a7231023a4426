package dev.moco4j.clustering.model;

import static dev.moco4j.clustering.model.Facts.X;
import static dev.moco4j.clustering.model.Facts.gtids;
import static dev.moco4j.clustering.model.Facts.p;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.clustering.model.Operation.CloneFromExternal;
import dev.moco4j.clustering.model.Operation.Converge;
import dev.moco4j.clustering.model.Operation.Failover;
import dev.moco4j.clustering.model.Operation.None;
import dev.moco4j.clustering.model.Operation.ReinitializeErrant;
import dev.moco4j.clustering.model.Operation.Switchover;
import dev.moco4j.clustering.model.Step.MakeSuperReadOnly;
import dev.moco4j.clustering.model.Step.MakeWritable;
import dev.moco4j.clustering.model.Step.ReplicateFromExternal;
import dev.moco4j.clustering.model.Step.ReplicateFromPrimary;
import dev.moco4j.clustering.model.Step.ResetReplication;
import dev.moco4j.clustering.model.Step.Seed;
import dev.moco4j.clustering.model.Step.StopReplication;
import dev.moco4j.mysql.ReplicaStatus.IoThreadState;
import dev.moco4j.mysql.gtid.GtidSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClusterDeciderTest {

  private static List<Step> steps(Decision decision) {
    assertThat(decision.operation()).isInstanceOf(Converge.class);
    return ((Converge) decision.operation()).steps();
  }

  private static Clusters healthy(int size, long transactions) {
    Clusters cluster = Clusters.of(size).up(0, Facts.primary(p(transactions)));
    for (int i = 1; i < size; i++) {
      cluster.up(i, Facts.replicaOf(0, p(transactions)));
    }
    return cluster;
  }

  @Nested
  class Bootstrap {

    @Test
    void emptyInstancesReplicateFromThePrimaryWhichIsMadeWritableLast() {
      Decision decision =
          Clusters.of(3).up(0, Facts.empty()).up(1, Facts.empty()).up(2, Facts.empty()).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.INCOMPLETE);
      assertThat(decision.operation())
          .isEqualTo(
              new Converge(
                  0,
                  List.of(
                      new ReplicateFromPrimary(1, 0),
                      new ReplicateFromPrimary(2, 0),
                      new MakeWritable(0))));
    }

    @Test
    void aSingleEmptyInstanceIsMadeWritable() {
      Decision decision = Clusters.of(1).up(0, Facts.empty()).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.INCOMPLETE);
      assertThat(decision.operation()).isEqualTo(new Converge(0, List.of(new MakeWritable(0))));
    }

    @Test
    void theRecordedPrimaryIsWhereReplicasPointEvenWhenItIsNotInstanceZero() {
      Decision decision =
          Clusters.of(3)
              .primaryIndex(2)
              .up(0, Facts.empty())
              .up(1, Facts.empty())
              .up(2, Facts.empty())
              .decide();

      assertThat(steps(decision))
          .containsExactly(
              new ReplicateFromPrimary(0, 2), new ReplicateFromPrimary(1, 2), new MakeWritable(2));
    }
  }

  @Nested
  class HealthyAndDegraded {

    @Test
    void aHealthyClusterNeedsNothing() {
      Decision decision = healthy(3, 10).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.HEALTHY);
      assertThat(decision.operation()).isInstanceOf(None.class);
      assertThat(decision.synced()).containsExactly(1, 2);
      assertThat(decision.errant()).isEmpty();
    }

    @Test
    void aSingleWritablePrimaryIsHealthy() {
      Decision decision = healthy(1, 3).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.HEALTHY);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void oneReplicaDownIsDegradedAndNothingIsDoneToTheOthers() {
      Decision decision = healthy(3, 10).down(2).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.synced()).containsExactly(1);
      assertThat(decision.operation()).isInstanceOf(None.class);
      assertThat(decision.message()).contains("instance 2 is DOWN");
    }

    @Test
    void degradedClusterConvergesOnlyTheReplicaThatIsWrong() {
      Decision decision =
          healthy(5, 10).down(4).up(3, Facts.replicaOf(0, p(7)).replicationStopped()).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.synced()).containsExactly(1, 2);
      assertThat(decision.operation())
          .isEqualTo(new Converge(0, List.of(new ReplicateFromPrimary(3, 0))));
    }

    @Test
    void aReplicaTooFarBehindIsNotSyncedButLeftReplicating() {
      Decision decision =
          healthy(3, 10).up(2, Facts.replicaOf(0, p(4)).secondsBehind(600)).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.synced()).containsExactly(1);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void aReplicaThatIsOnlyReadOnlyIsNotSyncedAndIsMadeSuperReadOnly() {
      Decision decision = healthy(3, 10).up(1, Facts.replicaOf(0, p(10)).onlyReadOnly()).decide();

      assertThat(decision.synced()).containsExactly(2);
      assertThat(decision.operation())
          .isEqualTo(new Converge(0, List.of(new MakeSuperReadOnly(1))));
    }

    @Test
    void aReplicaStillConnectingToThePrimaryIsNotSyncedAndIsLeftToConnect() {
      // Restarting it would only start the connection over; on a slow link, restarted on every
      // pass, it would never connect (seen on real mysqld with passes 100 ms apart).
      Decision decision =
          healthy(3, 10)
              .up(
                  2,
                  Facts.replicaOf(0, p(10)).ioThread(IoThreadState.CONNECTING).ioError(2003, "x"))
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.synced()).containsExactly(1);
      assertThat(decision.message()).contains("instance 2 cannot replicate");
      assertThat(decision.operation()).isInstanceOf(Operation.None.class);
    }

    @Test
    void aReplicaWhoseIoThreadStoppedIsPointedAgain() {
      Decision decision =
          healthy(3, 10)
              .up(2, Facts.replicaOf(0, p(10)).ioThread(IoThreadState.STOPPED).ioError(1236, "x"))
              .decide();

      assertThat(steps(decision)).containsExactly(new ReplicateFromPrimary(2, 0));
    }

    @Test
    void fewerThanHalfOfTheReplicasFineIsIncomplete() {
      Decision decision = healthy(5, 10).down(2).down(3).up(4, Facts.replicaOf(3, p(10))).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.INCOMPLETE);
      assertThat(decision.synced()).containsExactly(1);
      assertThat(steps(decision)).containsExactly(new ReplicateFromPrimary(4, 0));
    }

    @Test
    void aPrimaryThatStillReplicatesForgetsItsSource() {
      Decision decision = healthy(3, 10).up(0, Facts.replicaOf(2, p(10)).writable()).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.INCOMPLETE);
      assertThat(steps(decision)).containsExactly(new ResetReplication(0));
    }
  }

  @Nested
  class Errant {

    private static final GtidSet ERRANT = p(5).union(gtids(X, 2));

    @Test
    void aReplicaWithTransactionsThePrimaryLacksIsErrantAndItsReplicationStopped() {
      Decision decision = healthy(3, 10).up(2, Facts.replicaOf(0, ERRANT)).decide();

      assertThat(decision.errant()).containsExactly(2);
      assertThat(decision.synced()).containsExactly(1);
      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.message()).contains("errant: [2]");
      assertThat(steps(decision)).containsExactly(new StopReplication(2));
    }

    @Test
    void aWritableErrantReplicaIsMadeSuperReadOnlyAndNeverToldToReplicate() {
      Decision decision = healthy(3, 10).up(1, Facts.primary(ERRANT)).decide();

      assertThat(decision.errant()).containsExactly(1);
      assertThat(steps(decision)).containsExactly(new MakeSuperReadOnly(1));
    }

    @Test
    void anErrantReplicaAlreadyStoppedAndReadOnlyIsLeftAsItIs() {
      Decision decision =
          healthy(3, 10)
              .up(0, Facts.primary(p(10)).purged(p(4)))
              .up(2, Facts.replicaOf(0, gtids(X, 1)).replicationStopped())
              .decide();

      assertThat(decision.errant()).containsExactly(2);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void aReplicaAheadOfTheWritablePrimaryOnThePrimarysOwnStreamIsNotErrant() {
      // The reads are not one moment: the replica applied P:11 before the primary's commit
      // stage showed it (semi-sync AFTER_SYNC allows exactly that).
      Decision decision = healthy(3, 10).up(2, Facts.replicaOf(0, p(11))).decide();

      assertThat(decision.errant()).isEmpty();
      assertThat(decision.state()).isEqualTo(ClusterState.HEALTHY);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void aReplicaAheadOnTheStreamOfAnotherServerIsErrantEvenWhenAlsoAheadOnThePrimarys() {
      Decision decision =
          healthy(3, 10).up(2, Facts.replicaOf(0, p(11).union(gtids(X, 1)))).decide();

      assertThat(decision.errant()).containsExactly(2);
    }

    @Test
    void aReplicaHoldingAFormerPrimarysTransactionsTheNewPrimaryLacksIsErrant() {
      // Y was the primary before a failover to instance 0 (stream P); the new primary never got
      // Y:6, so the replica's copy of it cannot be in flight from the new primary.
      Decision decision =
          Clusters.of(3)
              .up(0, Facts.primary(gtids(Facts.Y, 5).union(p(3))))
              .up(1, Facts.replicaOf(0, gtids(Facts.Y, 5).union(p(3))))
              .up(2, Facts.replicaOf(0, gtids(Facts.Y, 6).union(p(3))))
              .decide();

      assertThat(decision.errant()).containsExactly(2);
    }

    @Test
    void aReplicaOfAnIntermediatePrimaryAheadOnWhatThePrimaryRetrievedIsNotErrant() {
      GtidSet external = gtids(Facts.EXTERNAL_UUID, 10);
      GtidSet applied = gtids(Facts.EXTERNAL_UUID, 9);
      Decision decision =
          Clusters.of(3)
              .intermediatePrimary(true)
              .up(0, Facts.replicaOf(Facts.EXTERNAL, applied).retrieved(external))
              .up(1, Facts.replicaOf(0, external))
              .up(2, Facts.replicaOf(0, applied))
              .decide();

      assertThat(decision.errant()).isEmpty();
    }

    @Test
    void aReplicaOfAnIntermediatePrimaryWithTransactionsThePrimaryNeverReceivedIsErrant() {
      GtidSet external = gtids(Facts.EXTERNAL_UUID, 10);
      Decision decision =
          Clusters.of(3)
              .intermediatePrimary(true)
              .up(0, Facts.replicaOf(Facts.EXTERNAL, external))
              .up(1, Facts.replicaOf(0, external))
              .up(2, Facts.replicaOf(0, gtids(Facts.EXTERNAL_UUID, 11)))
              .decide();

      assertThat(decision.errant()).containsExactly(2);
    }

    @Test
    void aKnownErrantReplicaThatIsDownStaysErrant() {
      Decision decision = healthy(3, 10).knownErrant(2).down(2).decide();

      assertThat(decision.errant()).containsExactly(2);
    }

    @Test
    void aKnownErrantReplicaThatWasReinitializedIsNoLongerErrantAndIsSeeded() {
      Decision decision = healthy(3, 10).knownErrant(2).up(2, Facts.empty()).decide();

      assertThat(decision.errant()).isEmpty();
      assertThat(steps(decision)).containsExactly(new Seed(2, 1, true));
    }
  }

  @Nested
  class ErrantReplicaRecovery {

    private static final GtidSet ERRANT = p(10).union(gtids(X, 2));

    @Test
    void withoutTheOptInAnErrantReplicaIsOnlyExcluded() {
      Decision decision = healthy(3, 10).up(2, Facts.replicaOf(0, ERRANT)).decide();

      assertThat(decision.operation()).isNotInstanceOf(ReinitializeErrant.class);
    }

    @Test
    void anOptedInClusterReinitializesAnErrantReplicaNamingItsErrantTransactions() {
      Decision decision =
          healthy(3, 10)
              .errantReplicaRecovery()
              .up(2, Facts.replicaOf(0, ERRANT).replicationStopped())
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.operation()).isEqualTo(new ReinitializeErrant(2, gtids(X, 2)));
    }

    @Test
    void aWritableErrantReplicaIsFencedBeforeItIsReinitialized() {
      Decision decision =
          healthy(3, 10).errantReplicaRecovery().up(2, Facts.primary(ERRANT)).decide();

      assertThat(steps(decision)).containsExactly(new MakeSuperReadOnly(2));
    }

    @Test
    void nothingIsReinitializedWhileTheClusterIsNeitherHealthyNorDegraded() {
      Decision decision =
          healthy(3, 10)
              .errantReplicaRecovery()
              .up(1, Facts.replicaOf(0, ERRANT).replicationStopped())
              .up(2, Facts.replicaOf(0, ERRANT).replicationStopped())
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.INCOMPLETE);
      assertThat(decision.operation()).isNotInstanceOf(ReinitializeErrant.class);
    }

    @Test
    void onlyOneErrantReplicaIsReinitializedAtATime() {
      Decision first =
          healthy(5, 10)
              .errantReplicaRecovery()
              .up(3, Facts.replicaOf(0, ERRANT).replicationStopped())
              .up(4, Facts.replicaOf(0, ERRANT).replicationStopped())
              .decide();
      // Instance 3 was emptied and waits for its copy: instance 4 must wait too.
      Decision whileSeeding =
          healthy(5, 10)
              .errantReplicaRecovery()
              .up(3, Facts.empty())
              .up(4, Facts.replicaOf(0, ERRANT).replicationStopped())
              .decide();

      assertThat(first.operation()).isEqualTo(new ReinitializeErrant(3, gtids(X, 2)));
      assertThat(whileSeeding.operation()).isNotInstanceOf(ReinitializeErrant.class);
      assertThat(steps(whileSeeding)).contains(new Seed(3, 1, true));
    }

    @Test
    void thePrimaryIsNeverReinitialized() {
      // The primary lacks nothing a replica wrote elsewhere, but it holds X itself: no errant.
      Decision decision =
          healthy(3, 10).errantReplicaRecovery().up(0, Facts.primary(ERRANT)).decide();

      assertThat(decision.operation()).isNotInstanceOf(ReinitializeErrant.class);
    }
  }

  @Nested
  class WritableNonPrimary {

    @Test
    void anOldPrimaryBackWritableIsMadeSuperReadOnlyBeforeAnythingElse() {
      // Instance 0 failed over to 1 and came back, still writable; 1 is not writable yet.
      Decision decision =
          Clusters.of(3)
              .primaryIndex(1)
              .up(0, Facts.primary(p(10)))
              .up(1, Facts.primary(p(10)).superReadOnly())
              .up(2, Facts.replicaOf(1, p(10)))
              .decide();

      assertThat(steps(decision))
          .containsExactly(
              new MakeSuperReadOnly(0), new ReplicateFromPrimary(0, 1), new MakeWritable(1));
    }

    @Test
    void everyWritableReplicaIsFencedBeforeThePrimaryBecomesWritable() {
      Decision decision =
          Clusters.of(5)
              .up(0, Facts.primary(p(3)).onlyReadOnly())
              .up(1, Facts.replicaOf(0, p(3)).writable())
              .up(2, Facts.replicaOf(0, p(3)))
              .up(3, Facts.empty().writable())
              .up(4, Facts.replicaOf(0, p(3)).onlyReadOnly())
              .decide();

      List<Step> steps = steps(decision);
      assertThat(steps)
          .contains(new MakeSuperReadOnly(1), new MakeSuperReadOnly(3), new MakeSuperReadOnly(4));
      assertThat(steps.getLast()).isEqualTo(new MakeWritable(0));
      assertThat(steps).filteredOn(s -> s instanceof MakeWritable).hasSize(1);
    }
  }

  @Nested
  class FailoverDecisions {

    private static final String REINITIALIZED = "dddddddd-0000-0000-0000-00000000000a";

    @Test
    void aWritablePrimaryWhoseFirstCommitIsStillInFlightIsNotTakenForAWipedOne() {
      Decision decision = healthy(3, 1).up(0, Facts.primary(GtidSet.EMPTY)).decide();

      assertThat(decision.state()).isNotIn(ClusterState.FAILED, ClusterState.LOST);
      assertThat(decision.operation()).isNotInstanceOf(Failover.class);
    }

    @Test
    void aDeadPrimaryWithBothReplicasUpFailsOverToThem() {
      Decision decision = healthy(3, 10).down(0).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
      assertThat(decision.operation()).isEqualTo(new Failover(0, List.of(1, 2)));
    }

    @Test
    void anEmptyReplicaDoesNotCountTowardTheFailoverMajority() {
      // Replica 2 came back empty: it never acknowledged anything, so only one of two replicas
      // can vouch for the dead primary's commits.
      Decision decision = healthy(3, 10).down(0).up(2, Facts.empty()).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.LOST);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void aReplicaSetUpFromAnotherSourceDoesNotCountTowardTheFailoverMajority() {
      Decision decision = healthy(3, 10).down(0).up(2, Facts.replicaOf(1, p(10))).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.LOST);
    }

    @Test
    void aReplicaWhoseReplicationWasResetDoesNotCountTowardTheFailoverMajority() {
      Decision decision =
          healthy(3, 10)
              .down(0)
              .up(2, Facts.primary(p(10)).superReadOnly().serverUuid(Facts.Y))
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.LOST);
    }

    @Test
    void aReplicaWhoseIoThreadLostTheDeadPrimaryStillCounts() {
      Decision decision =
          healthy(3, 10)
              .down(0)
              .up(2, Facts.replicaOf(0, p(10)).ioThread(IoThreadState.CONNECTING))
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
      assertThat(decision.operation()).isEqualTo(new Failover(0, List.of(1, 2)));
    }

    @Test
    void aReadOnlyPrimaryThatLostTheTailOfItsOwnStreamIsFailedOver() {
      // Restarted after a crash without its last transactions; replicas still have them.
      Decision decision = healthy(3, 10).up(0, Facts.primary(p(8)).superReadOnly()).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
      assertThat(decision.operation()).isEqualTo(new Failover(0, List.of(1, 2)));
      assertThat(decision.message()).contains("lacks transactions that its replicas hold");
    }

    @Test
    void fiveInstancesFailOverWithThreeUsableReplicas() {
      Decision decision = healthy(5, 10).down(0).down(4).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
      assertThat(decision.operation()).isEqualTo(new Failover(0, List.of(1, 2, 3)));
    }

    @Test
    void knownErrantReplicasAreNeverFailoverCandidates() {
      Decision decision = healthy(5, 10).knownErrant(3).down(0).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
      assertThat(decision.operation()).isEqualTo(new Failover(0, List.of(1, 2, 4)));
    }

    @Test
    void aDeadPrimaryWithOnlyHalfOfTheReplicasIsLostAndNothingIsPromoted() {
      Decision three = healthy(3, 10).down(0).down(2).decide();
      Decision five = healthy(5, 10).down(0).down(3).suspect(4).decide();

      for (Decision decision : List.of(three, five)) {
        assertThat(decision.state()).isEqualTo(ClusterState.LOST);
        assertThat(decision.operation()).isInstanceOf(None.class);
        assertThat(decision.message()).contains("no safe failover");
      }
    }

    @Test
    void knownErrantReplicasDoNotCountTowardsAFailoverMajority() {
      Decision decision = healthy(5, 10).knownErrant(1, 2).down(0).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.LOST);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void aSingleInstanceWhosePrimaryIsDownIsLostAndWaits() {
      Decision decision = Clusters.of(1).down(0).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.LOST);
      assertThat(decision.operation()).isInstanceOf(None.class);
      assertThat(decision.message()).contains("waiting for it to come back");
    }

    @Test
    void aSuspectPrimaryIsNotFailedOverYet() {
      Decision decision = healthy(3, 10).suspect(0).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.INCOMPLETE);
      assertThat(decision.operation()).isInstanceOf(None.class);
      assertThat(decision.message()).contains("not yet long enough");
    }

    @Test
    void aPrimaryWithNoTransactionsWhileReplicasHaveSomeLostItsDataAndIsFailedOver() {
      // Re-initialized: no data, and a new server_uuid.
      Decision decision =
          healthy(3, 10).up(0, Facts.primary(GtidSet.EMPTY).serverUuid(REINITIALIZED)).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
      assertThat(decision.operation()).isEqualTo(new Failover(0, List.of(1, 2)));
      assertThat(decision.message()).contains("lacks transactions that its replicas hold");
    }

    @Test
    void aPrimaryThatLostItsDataIsNeverMadeWritableNorReplicatedFrom() {
      Decision decision =
          healthy(3, 10)
              .up(0, Facts.primary(GtidSet.EMPTY).superReadOnly().serverUuid(REINITIALIZED))
              .down(2)
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.LOST);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void clusteringStoppedNeverFailsOver() {
      Decision decision = healthy(3, 10).clusteringStopped().down(0).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.FAILED);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }
  }

  @Nested
  class Switchovers {

    @Test
    void aRequestedSwitchoverWithoutTargetPicksTheMostAdvancedSyncedReplica() {
      Decision decision =
          healthy(5, 10)
              .up(1, Facts.replicaOf(0, p(8)))
              .up(3, Facts.replicaOf(0, p(9)))
              .switchoverRequested()
              .decide();

      assertThat(decision.operation()).isEqualTo(new Switchover(0, 2, "switchover requested"));
    }

    @Test
    void aRequestedSwitchoverGoesToTheChosenTarget() {
      Decision decision = healthy(3, 10).switchoverRequested(2).decide();

      assertThat(decision.operation()).isEqualTo(new Switchover(0, 2, "switchover requested"));
    }

    @Test
    void aTerminatingPrimaryPodIsSwitchedAwayFrom() {
      Decision decision = healthy(3, 10).pod(0, new PodFlags(true, false)).decide();

      assertThat(decision.operation())
          .isEqualTo(new Switchover(0, 1, "primary pod is terminating"));
    }

    @Test
    void aPrimaryAskedToStepDownIsSwitchedAwayFrom() {
      Decision decision = healthy(3, 10).pod(0, new PodFlags(false, true)).decide();

      assertThat(decision.operation())
          .isEqualTo(new Switchover(0, 1, "primary was asked to step down"));
    }

    @Test
    void aTerminatingReplicaIsNotChosenAsTarget() {
      Decision decision =
          healthy(3, 10).pod(1, new PodFlags(true, false)).switchoverRequested().decide();

      assertThat(decision.operation()).isEqualTo(new Switchover(0, 2, "switchover requested"));
    }

    @Test
    void aTargetThatIsNotSyncedGetsNoSwitchover() {
      Decision decision =
          healthy(3, 10)
              .up(2, Facts.replicaOf(0, p(10)).replicationStopped())
              .switchoverRequested(2)
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.operation())
          .isEqualTo(new Converge(0, List.of(new ReplicateFromPrimary(2, 0))));
    }

    @Test
    void anErrantTargetGetsNoSwitchover() {
      Decision decision =
          healthy(3, 10)
              .up(2, Facts.replicaOf(0, p(10).union(gtids(X, 1))))
              .switchoverRequested(2)
              .decide();

      assertThat(decision.operation()).isNotInstanceOf(Switchover.class);
    }

    @Test
    void noSwitchoverFromAnIncompleteCluster() {
      Decision decision =
          healthy(3, 10)
              .down(1)
              .down(2)
              .pod(0, new PodFlags(true, true))
              .switchoverRequested()
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.INCOMPLETE);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void aSwitchoverIsPossibleFromADegradedCluster() {
      Decision decision = healthy(3, 10).down(2).switchoverRequested().decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.operation()).isEqualTo(new Switchover(0, 1, "switchover requested"));
    }

    @Test
    void aWritableReplicaIsFencedBeforeASwitchover() {
      // Instance 2 is an old primary back and still writable; the cluster is degraded.
      Decision decision =
          healthy(3, 10).up(2, Facts.primary(p(10))).pod(0, new PodFlags(true, false)).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(steps(decision))
          .containsExactly(new MakeSuperReadOnly(2), new ReplicateFromPrimary(2, 0));
    }

    @Test
    void aSingleInstanceHasNoOneToSwitchTo() {
      Decision decision = healthy(1, 10).pod(0, new PodFlags(true, false)).decide();

      assertThat(decision.operation()).isInstanceOf(None.class);
    }
  }

  @Nested
  class Switches {

    @Test
    void clusteringStoppedObservesAndReportsButNeverActs() {
      Decision decision =
          healthy(3, 10)
              .clusteringStopped()
              .up(2, Facts.replicaOf(0, p(10)).writable())
              .switchoverRequested()
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.DEGRADED);
      assertThat(decision.operation()).isEqualTo(new None("clustering is stopped"));
    }

    @Test
    void aPendingRestoreWaitsWhateverTheInstancesLookLike() {
      Decision decision = healthy(3, 0).restorePending().down(0).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.RESTORING);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }
  }

  @Nested
  class IntermediatePrimary {

    @Test
    void anIntermediatePrimaryNotYetClonedIsCloning() {
      Decision decision =
          Clusters.of(3)
              .intermediatePrimary(false)
              .up(0, Facts.empty())
              .up(1, Facts.empty())
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.CLONING);
      assertThat(decision.operation()).isEqualTo(new CloneFromExternal(0));
    }

    @Test
    void cloningWaitsForAnUnreachablePrimary() {
      Decision decision = Clusters.of(3).intermediatePrimary(false).suspect(0).decide();

      assertThat(decision.state()).isEqualTo(ClusterState.CLONING);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void cloningDoesNotStartWhileClusteringIsStopped() {
      Decision decision =
          Clusters.of(1)
              .intermediatePrimary(false)
              .clusteringStopped()
              .up(0, Facts.empty())
              .decide();

      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void aClonedIntermediatePrimaryReplicatesFromExternalStaysReadOnlyAndIsNeverMadeWritable() {
      Decision decision =
          Clusters.of(3)
              .intermediatePrimary(true)
              .up(0, Facts.primary(p(10)))
              .up(1, Facts.empty())
              .up(2, Facts.replicaOf(0, p(10)))
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.INCOMPLETE);
      assertThat(steps(decision))
          .containsExactly(
              new MakeSuperReadOnly(0), new ReplicateFromExternal(0), new Seed(1, 2, true));
    }

    @Test
    void anIntermediatePrimaryReplicatingFromExternalWithSyncedReplicasIsHealthy() {
      Decision decision =
          Clusters.of(3)
              .intermediatePrimary(true)
              .up(0, Facts.replicaOf(Facts.EXTERNAL, p(10)))
              .up(1, Facts.replicaOf(0, p(10)))
              .up(2, Facts.replicaOf(0, p(10)))
              .decide();

      assertThat(decision.state()).isEqualTo(ClusterState.HEALTHY);
      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void anIntermediatePrimaryPointingAtAReplicaIsRepointedAtTheExternalSource() {
      Decision decision =
          Clusters.of(3)
              .intermediatePrimary(true)
              .up(0, Facts.replicaOf(1, p(10)))
              .up(1, Facts.replicaOf(0, p(10)))
              .up(2, Facts.replicaOf(0, p(10)))
              .decide();

      assertThat(steps(decision)).containsExactly(new ReplicateFromExternal(0));
    }
  }

  @Nested
  class Seeding {

    @Test
    void anEmptyReplicaIsSeededFromASyncedReplicaWhenThePrimaryPurgedLogs() {
      Decision decision =
          healthy(3, 10).up(0, Facts.primary(p(10)).purged(p(4))).up(2, Facts.empty()).decide();

      assertThat(steps(decision)).containsExactly(new Seed(2, 1, true));
    }

    @Test
    void theDonorIsThePrimaryWhenNoReplicaIsSynced() {
      Decision decision =
          healthy(3, 10)
              .up(0, Facts.primary(p(10)).purged(p(4)))
              .down(1)
              .up(2, Facts.empty().writable())
              .decide();

      assertThat(steps(decision)).containsExactly(new MakeSuperReadOnly(2), new Seed(2, 0, false));
    }

    @Test
    void anEmptyReplicaIsSeededEvenWhenThePrimaryHasAllItsLogs() {
      // Replicating the whole history would skip every event carrying the replica's own
      // server_id, i.e. whatever it wrote in an earlier life as primary.
      Decision decision = healthy(3, 10).up(2, Facts.empty()).decide();

      assertThat(steps(decision)).containsExactly(new Seed(2, 1, true));
    }

    @Test
    void anEmptyReplicaAlreadyReplicatingFromThePrimaryIsLeftToCatchUp() {
      // Set up while the primary was empty; the primary's first transactions are on their way.
      Decision decision = healthy(3, 10).up(2, Facts.replicaOf(0, GtidSet.EMPTY)).decide();

      assertThat(decision.operation()).isInstanceOf(None.class);
    }

    @Test
    void anEmptyReplicaWhoseReplicationFailedIsSeeded() {
      Decision decision =
          healthy(3, 10)
              .up(0, Facts.primary(p(10)).purged(p(4)))
              .up(2, Facts.replicaOf(0, GtidSet.EMPTY).ioThread(IoThreadState.STOPPED))
              .decide();

      assertThat(steps(decision)).containsExactly(new Seed(2, 1, true));
    }

    @Test
    void anEmptyReplicaOfAnEmptyPrimaryReplicatesWithoutACopy() {
      Decision decision =
          Clusters.of(3)
              .up(0, Facts.primary(GtidSet.EMPTY))
              .up(1, Facts.replicaOf(0, GtidSet.EMPTY))
              .up(2, Facts.empty())
              .decide();

      assertThat(steps(decision)).containsExactly(new ReplicateFromPrimary(2, 0));
    }

    @Test
    void aReplicaWithDataIsNeverSeeded() {
      Decision decision =
          healthy(3, 10)
              .up(0, Facts.primary(p(10)).purged(p(4)))
              .up(2, Facts.replicaOf(1, p(2)).replicationStopped())
              .decide();

      assertThat(steps(decision)).containsExactly(new ReplicateFromPrimary(2, 0));
    }

    @Test
    void nothingIsSeededFromAnEmptyPrimary() {
      Decision decision =
          Clusters.of(3)
              .up(0, Facts.empty().purged(p(3)))
              .up(1, Facts.empty())
              .up(2, Facts.empty())
              .decide();

      assertThat(steps(decision)).noneMatch(s -> s instanceof Seed);
    }
  }

  @Nested
  class ChoosingAFailoverCandidate {

    private static List<InstanceObservation> replicas(Clusters cluster) {
      return cluster.observation().replicas();
    }

    @Test
    void theReplicaThatReceivedTheMostIsChosenAndMustApplyAllItReceived() {
      var choice =
          FailoverChoice.choose(
              replicas(
                  Clusters.of(3)
                      .up(1, Facts.replicaOf(0, p(8)).retrieved(p(12)).replicationStopped())
                      .up(2, Facts.replicaOf(0, p(10)).replicationStopped())),
              java.util.Set.of());

      assertThat(choice).isPresent();
      assertThat(choice.get().candidate()).isEqualTo(1);
      assertThat(choice.get().received()).isEqualTo(p(12));
    }

    @Test
    void replicasThatDivergedGetNoCandidate() {
      var choice =
          FailoverChoice.choose(
              replicas(
                  Clusters.of(5)
                      .up(1, Facts.replicaOf(0, p(10)))
                      .up(2, Facts.replicaOf(0, p(8)))
                      .up(3, Facts.replicaOf(0, p(5).union(gtids(X, 1))))
                      .up(4, Facts.replicaOf(0, p(9)))),
              java.util.Set.of());

      assertThat(choice).isEmpty();
    }

    @Test
    void manyTransactionsOfUnknownOriginNeverOutweighOneThatOnlyAnotherReplicaHas() {
      // Instance 2 may have acknowledged P:10 alone; X:1-30 may be writes made on instance 1.
      var choice =
          FailoverChoice.choose(
              replicas(
                  Clusters.of(3)
                      .up(1, Facts.replicaOf(0, p(9).union(gtids(X, 30))))
                      .up(2, Facts.replicaOf(0, p(10)))),
              java.util.Set.of());

      assertThat(choice).isEmpty();
    }

    @Test
    void aReplicaWithExtraTransactionsThatHasEverythingTheOthersHaveCanBePromoted() {
      var choice =
          FailoverChoice.choose(
              replicas(
                  Clusters.of(3)
                      .up(1, Facts.replicaOf(0, p(5)))
                      .up(2, Facts.replicaOf(0, p(10).union(gtids(X, 1))))),
              java.util.Set.of());

      assertThat(choice.get().candidate()).isEqualTo(2);
      assertThat(choice.get().received()).isEqualTo(p(10).union(gtids(X, 1)));
    }

    @Test
    void knownErrantAndUnreachableReplicasAreNeverChosen() {
      var choice =
          FailoverChoice.choose(
              replicas(
                  Clusters.of(5)
                      .up(1, Facts.replicaOf(0, p(20).union(gtids(X, 3))))
                      .suspect(2)
                      .up(3, Facts.replicaOf(0, p(7)))
                      .up(4, Facts.replicaOf(0, p(9)))),
              java.util.Set.of(1));

      assertThat(choice.get().candidate()).isEqualTo(4);
    }

    @Test
    void equallyAdvancedReplicasPreferTheLowestIndex() {
      var choice =
          FailoverChoice.choose(
              replicas(
                  Clusters.of(3).up(1, Facts.replicaOf(0, p(10))).up(2, Facts.replicaOf(0, p(10)))),
              java.util.Set.of());

      assertThat(choice.get().candidate()).isEqualTo(1);
    }

    @Test
    void thereIsNoChoiceWithoutAnEligibleReplica() {
      var choice =
          FailoverChoice.choose(
              replicas(Clusters.of(3).down(1).up(2, Facts.replicaOf(0, p(3)))),
              java.util.Set.of(2));

      assertThat(choice).isEmpty();
    }
  }

  @Nested
  class Reachabilities {

    private final Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    private final ReachabilityTracker tracker = new ReachabilityTracker(Duration.ofSeconds(10));

    @Test
    void aReachableInstanceIsUp() {
      assertThat(tracker.record(0, true, t0)).isEqualTo(Reachability.UP);
    }

    @Test
    void anInstanceUnreachableForLessThanTheDetectionTimeIsSuspect() {
      assertThat(tracker.record(0, false, t0)).isEqualTo(Reachability.SUSPECT);
      assertThat(tracker.record(0, false, t0.plusSeconds(9))).isEqualTo(Reachability.SUSPECT);
    }

    @Test
    void anInstanceUnreachableForTheDetectionTimeIsDown() {
      tracker.record(0, false, t0);

      assertThat(tracker.record(0, false, t0.plusSeconds(10))).isEqualTo(Reachability.DOWN);
      assertThat(tracker.record(0, false, t0.plusSeconds(60))).isEqualTo(Reachability.DOWN);
    }

    @Test
    void reachingAnInstanceAgainStartsTheDetectionTimeOver() {
      tracker.record(0, false, t0);
      assertThat(tracker.record(0, false, t0.plusSeconds(10))).isEqualTo(Reachability.DOWN);

      assertThat(tracker.record(0, true, t0.plusSeconds(11))).isEqualTo(Reachability.UP);
      assertThat(tracker.record(0, false, t0.plusSeconds(12))).isEqualTo(Reachability.SUSPECT);
      assertThat(tracker.record(0, false, t0.plusSeconds(21))).isEqualTo(Reachability.SUSPECT);
      assertThat(tracker.record(0, false, t0.plusSeconds(22))).isEqualTo(Reachability.DOWN);
    }

    @Test
    void instancesAreTrackedSeparately() {
      tracker.record(0, false, t0);

      assertThat(tracker.record(1, false, t0.plusSeconds(30))).isEqualTo(Reachability.SUSPECT);
      assertThat(tracker.record(0, false, t0.plusSeconds(30))).isEqualTo(Reachability.DOWN);
    }
  }
}
