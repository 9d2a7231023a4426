package dev.moco4j.clustering;

import dev.moco4j.clustering.model.FailoverChoice;
import dev.moco4j.clustering.model.InstanceObservation;
import dev.moco4j.clustering.model.Operation.Failover;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.ReplicationControl;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failover. The replicas' I/O threads stop first: after that the old primary, should it still be
 * alive somewhere, can get no semi-sync acknowledgement and so commits nothing more, and the
 * replicas' retrieved GTID sets are final, so the most advanced one can be chosen safely.
 */
final class FailoverRun {

  private static final Logger LOG = LoggerFactory.getLogger(FailoverRun.class);
  private static final String FAILED = "FailoverFailed";
  private static final String ACTION = "failover";

  private final Instances instances;
  private final Observer observer;
  private final StatusStore store;
  private final EventSink events;
  private final InstantSource clock;

  FailoverRun(
      Instances instances,
      Observer observer,
      StatusStore store,
      EventSink events,
      InstantSource clock) {
    this.instances = instances;
    this.observer = observer;
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param reachable every replica that answered in this pass, the candidates among them; errant
   *     and seeding ones too, since any replica still receiving could acknowledge the old primary's
   *     semi-sync writes
   */
  RunOutcome run(Failover failover, StoredStatus read, List<Integer> reachable) {
    LOG.warn(
        "{}: failover from instance {}, candidates {}",
        instances.cluster(),
        failover.failedPrimary(),
        failover.candidates());
    List<Integer> stoppedIo = new ArrayList<>();
    for (int replica : reachable) {
      try {
        new ReplicationControl(instances.connector(replica)).stopIoThread();
        stoppedIo.add(replica);
      } catch (MySqlException e) {
        LOG.warn(
            "{}: cannot stop I/O thread on {}: {}", instances.cluster(), replica, e.getMessage());
      }
    }
    List<InstanceObservation> stopped = new ArrayList<>();
    for (int candidate : failover.candidates()) {
      if (stoppedIo.contains(candidate)) {
        observer
            .read(candidate)
            .ifPresent(
                facts ->
                    stopped.add(
                        InstanceObservation.up(candidate, instances.endpoint(candidate), facts)));
      }
    }
    // The decision counted these replicas as usable; if some vanished since, the majority that
    // made the failover safe may be gone too: give up and decide again on the next pass.
    if (2 * stopped.size() <= instances.size() - 1) {
      return gaveUp("too few replicas answered after stopping I/O threads");
    }
    Optional<FailoverChoice> choice = FailoverChoice.choose(stopped, read.errant());
    if (choice.isEmpty()) {
      return gaveUp(
          "no replica has received every transaction the others executed: the replicas diverged"
              + " and promoting any of them could lose acknowledged transactions");
    }
    int candidate = choice.get().candidate();
    Optional<String> notApplied =
        new ApplyWait(
                instances.connector(candidate),
                clock,
                instances.settings().failoverApplyTimeout(),
                instances.settings().failoverApplyStall())
            .await(choice.get().received());
    if (notApplied.isPresent()) {
      return gaveUp(
          "instance "
              + candidate
              + " did not apply its relay log: "
              + notApplied.get()
              + "; trying again on the next pass");
    }
    if (!store.swapPrimary(read, candidate, read.errant())) {
      return gaveUp("the cluster status changed during the failover");
    }
    events.warning(
        "FailedOver",
        "instance "
            + failover.failedPrimary()
            + " failed; instance "
            + candidate
            + " is the new primary");
    return RunOutcome.moved();
  }

  private RunOutcome gaveUp(String why) {
    LOG.warn("{}: failover given up: {}", instances.cluster(), why);
    return RunOutcome.gaveUp(events, FAILED, ACTION, why);
  }
}
