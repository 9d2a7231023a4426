package dev.moco4j.clustering.model;

import dev.moco4j.mysql.InstanceFacts;

/** Prints an observation so that a failing generated case can be read. */
final class Describe {

  private Describe() {}

  static String observation(ClusterObservation o) {
    StringBuilder b = new StringBuilder();
    b.append(o.shape())
        .append(" primary=")
        .append(o.currentPrimaryIndex())
        .append(" knownErrant=")
        .append(o.knownErrant())
        .append(" switchover=")
        .append(o.switchoverRequest());
    for (InstanceObservation i : o.instances()) {
      b.append("\n  ").append(i.index()).append(' ').append(i.reachability());
      b.append(' ').append(i.pod());
      i.facts().ifPresent(f -> b.append(' ').append(facts(f)));
    }
    return b.toString();
  }

  private static String facts(InstanceFacts f) {
    return "uuid="
        + f.serverUuid()
        + " executed="
        + f.gtidExecuted()
        + " purged="
        + f.gtidPurged()
        + " ro="
        + f.readOnly()
        + " sro="
        + f.superReadOnly()
        + " "
        + f.replicaStatus()
            .map(
                r ->
                    "from "
                        + r.sourceHost()
                        + " io="
                        + r.ioThread()
                        + " sql="
                        + r.sqlThreadRunning()
                        + " retrieved="
                        + r.retrievedGtidSet()
                        + " behind="
                        + r.secondsBehindSource())
            .orElse("no replication");
  }
}
