package dev.moco4j.clustering.model;

import dev.moco4j.mysql.InstanceFacts;

/** Whether a replica refuses client writes, which only the primary may take. */
final class Fencing {

  private Fencing() {}

  static boolean fenced(ClusterObservation o, InstanceObservation replica) {
    InstanceFacts facts = replica.requireFacts();
    // A logical copy lifts super_read_only for its own loading session and keeps read_only on:
    // clients cannot write there meanwhile, and setting super_read_only would break the copy.
    return o.isSeeding(replica.index()) ? facts.readOnly() : facts.superReadOnly();
  }
}
