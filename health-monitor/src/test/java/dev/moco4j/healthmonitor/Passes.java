package dev.moco4j.healthmonitor;

import dev.moco4j.clustering.ClusterReport;
import dev.moco4j.clustering.PassResult;
import dev.moco4j.clustering.model.ClusterObservation;
import dev.moco4j.clustering.model.ClusterShape;
import dev.moco4j.clustering.model.ClusterState;
import dev.moco4j.clustering.model.Decision;
import dev.moco4j.clustering.model.InstanceObservation;
import dev.moco4j.clustering.model.Operation;
import dev.moco4j.clustering.model.Reachability;
import dev.moco4j.mysql.InstanceFacts;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.ReplicaStatus;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hand-made passes of a 3-instance cluster for listener tests: instance 0 the primary, 1 a synced
 * replica {@code delaySeconds} behind, 2 unreachable.
 */
public final class Passes {

  public static final String PRIMARY_UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

  private Passes() {}

  public static PassResult pass(long delaySeconds, Optional<Operation> primaryMove) {
    GtidSet executed = GtidSet.of(PRIMARY_UUID, 1, 10);
    InstanceObservation primary =
        InstanceObservation.up(0, endpoint(0), facts(executed, Optional.empty()));
    InstanceObservation replica =
        InstanceObservation.up(
            1,
            endpoint(1),
            facts(
                executed,
                Optional.of(
                    new ReplicaStatus(
                        "10.0.0.1",
                        3306,
                        "moco4j-repl",
                        PRIMARY_UUID,
                        ReplicaStatus.IoThreadState.RUNNING,
                        true,
                        executed,
                        executed,
                        true,
                        0,
                        "",
                        0,
                        "",
                        OptionalLong.of(delaySeconds)))));
    InstanceObservation down = InstanceObservation.unreachable(2, endpoint(2), Reachability.DOWN);
    ClusterObservation observation =
        new ClusterObservation(
            ClusterShape.of(3),
            0,
            Set.of(),
            List.of(primary, replica, down),
            Optional.empty(),
            Optional.empty(),
            Map.of());
    Decision decision =
        new Decision(
            ClusterState.DEGRADED,
            new TreeSet<>(),
            set(1),
            new Operation.None("nothing to do"),
            "DEGRADED: 1 of 2 replicas synced");
    return new PassResult(decision, List.of(), primaryMove.isPresent(), observation, primaryMove);
  }

  public static ClusterReport report(ClusterState state, int primary) {
    return new ClusterReport(
        state, primary, new TreeSet<>(), set(1), "a message", List.of(), new TreeMap<>());
  }

  private static SortedSet<Integer> set(Integer... values) {
    return new TreeSet<>(List.of(values));
  }

  private static MySqlEndpoint endpoint(int index) {
    return new MySqlEndpoint("10.0.0." + (index + 1), 3306);
  }

  private static InstanceFacts facts(GtidSet executed, Optional<ReplicaStatus> replicaStatus) {
    return new InstanceFacts(
        replicaStatus.isPresent() ? "replica-uuid" : PRIMARY_UUID,
        1,
        "8.0.31",
        executed,
        GtidSet.EMPTY,
        replicaStatus.isPresent(),
        replicaStatus.isPresent(),
        replicaStatus,
        List.of(),
        Set.of());
  }
}
