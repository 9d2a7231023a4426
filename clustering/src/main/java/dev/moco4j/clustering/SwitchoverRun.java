package dev.moco4j.clustering;

import dev.moco4j.clustering.model.Operation.Switchover;
import dev.moco4j.mysql.ClientConnections;
import dev.moco4j.mysql.GtidWait;
import dev.moco4j.mysql.InstanceFactsQuery;
import dev.moco4j.mysql.ReadOnlyControl;
import dev.moco4j.mysql.gtid.GtidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planned switchover. Each step is safe to interrupt: until the swap of the primary index, the
 * old primary is still the primary on record and the next pass simply makes it writable again.
 */
final class SwitchoverRun {

  private static final Logger LOG = LoggerFactory.getLogger(SwitchoverRun.class);
  private static final String FAILED = "SwitchoverFailed";
  private static final String ACTION = "switchover";

  private final Instances instances;
  private final StatusStore store;
  private final EventSink events;

  SwitchoverRun(Instances instances, StatusStore store, EventSink events) {
    this.instances = instances;
    this.store = store;
    this.events = events;
  }

  RunOutcome run(Switchover switchover, StoredStatus read) {
    int from = switchover.from();
    int to = switchover.to();
    LOG.info("{}: switchover {} -> {} ({})", instances.cluster(), from, to, switchover.reason());
    // 1. No new writes on the old primary, from anyone.
    new ReadOnlyControl(instances.connector(from)).makeSuperReadOnly();
    // 2. End client sessions so that no open transaction commits later and no client keeps
    //    reading from the instance as if it were still the primary.
    new ClientConnections(instances.connector(from))
        .killAllExcept(instances.settings().operatorUsers());
    // 3. The new primary must have everything the old one committed.
    GtidSet executed = new InstanceFactsQuery(instances.connector(from)).read().gtidExecuted();
    boolean caughtUp =
        new GtidWait(instances.connector(to))
            .awaitExecuted(executed, instances.settings().switchoverTimeout());
    if (!caughtUp) {
      return RunOutcome.gaveUp(
          events,
          FAILED,
          ACTION,
          "instance " + to + " did not apply " + executed + " in time; " + from + " stays primary");
    }
    // 4. The single source of truth changes last.
    if (!store.swapPrimary(read, to, read.errant())) {
      return RunOutcome.gaveUp(
          events, FAILED, ACTION, "the cluster status changed during the switchover");
    }
    events.normal(
        "SwitchedOver",
        "primary moved from instance " + from + " to " + to + ": " + switchover.reason());
    return RunOutcome.moved();
  }
}
