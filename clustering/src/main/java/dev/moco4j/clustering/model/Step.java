package dev.moco4j.clustering.model;

import dev.moco4j.mysql.semisync.Role;

/** One idempotent change to one instance, part of a {@link Operation.Converge}. */
public sealed interface Step {

  int instance();

  /** Refuse writes, even from privileged users: {@code super_read_only = ON}. */
  record MakeSuperReadOnly(int instance) implements Step {}

  /** Replicate from the primary with GTID auto-positioning (stop, change source, start). */
  record ReplicateFromPrimary(int instance, int primary) implements Step {}

  /** An intermediate primary replicates from the external source. */
  record ReplicateFromExternal(int instance) implements Step {}

  /** Give an empty instance a copy of the donor's data so that it can replicate. */
  record Seed(int instance, int donor, boolean donorIsReplica) implements Step {}

  /** Errant instance: stop replicating so it takes nothing more and is excluded. */
  record StopReplication(int instance) implements Step {}

  /** The primary forgets any source it used to replicate from. */
  record ResetReplication(int instance) implements Step {}

  /**
   * Bring the semi-sync settings in line with the instance's role: the primary waits for half of
   * the replicas and never falls back to asynchronous replication; replicas acknowledge; an
   * intermediate primary does neither.
   */
  record ConfigureSemiSync(int instance, Role role) implements Step {}

  /** Accept writes. Always the last step, after the replicas are set up. */
  record MakeWritable(int instance) implements Step {}
}
