package dev.moco4j.clustering;

import dev.moco4j.clustering.model.FailoverChoice;
import dev.moco4j.clustering.model.InstanceObservation;
import dev.moco4j.clustering.model.Operation.Failover;
import dev.moco4j.mysql.GtidWait;
import dev.moco4j.mysql.MySqlException;
import dev.moco4j.mysql.ReplicationControl;
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

  private final Instances instances;
  private final Observer observer;
  private final StatusStore store;
  private final EventSink events;

  FailoverRun(Instances instances, Observer observer, StatusStore store, EventSink events) {
    this.instances = instances;
    this.observer = observer;
    this.store = store;
    this.events = events;
  }

  /** Returns true when the primary index was moved to a new primary. */
  boolean run(Failover failover, StoredStatus read) {
    LOG.warn(
        "{}: failover from instance {}, candidates {}",
        instances.cluster(),
        failover.failedPrimary(),
        failover.candidates());
    List<InstanceObservation> stopped = new ArrayList<>();
    for (int candidate : failover.candidates()) {
      try {
        new ReplicationControl(instances.connector(candidate)).stopIoThread();
        observer
            .read(candidate)
            .ifPresent(
                facts ->
                    stopped.add(
                        InstanceObservation.up(candidate, instances.endpoint(candidate), facts)));
      } catch (MySqlException e) {
        LOG.warn(
            "{}: cannot stop I/O thread on {}: {}", instances.cluster(), candidate, e.getMessage());
      }
    }
    // The decision counted these replicas as usable; if some vanished since, the majority that
    // made the failover safe may be gone too: give up and decide again on the next pass.
    if (2 * stopped.size() <= instances.size() - 1) {
      events.warning("FailoverFailed", "too few replicas answered after stopping I/O threads");
      return false;
    }
    Optional<FailoverChoice> choice = FailoverChoice.choose(stopped, read.errant());
    if (choice.isEmpty()) {
      events.warning(
          "FailoverFailed",
          "no replica has received every transaction the others executed: the replicas diverged"
              + " and promoting any of them could lose acknowledged transactions");
      return false;
    }
    int candidate = choice.get().candidate();
    boolean applied =
        new GtidWait(instances.connector(candidate))
            .awaitExecuted(choice.get().received(), instances.settings().failoverApplyTimeout());
    if (!applied) {
      events.warning(
          "FailoverFailed", "instance " + candidate + " did not apply its relay log in time");
      return false;
    }
    if (!store.swapPrimary(read, candidate, read.errant())) {
      events.warning("FailoverFailed", "the cluster status changed during the failover");
      return false;
    }
    events.warning(
        "FailedOver",
        "instance "
            + failover.failedPrimary()
            + " failed; instance "
            + candidate
            + " is the new primary");
    return true;
  }
}
