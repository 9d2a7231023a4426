package dev.moco4j.api.names;

/** Pod condition types moco4j owns. */
public final class PodConditions {

  /**
   * The readiness gate of every MySQL pod: the health-monitor sets it True when the instance serves
   * its role (the primary is writable; a replica replicates, is not errant and not too far behind),
   * so a pod is Ready, and in its Service, only then.
   */
  public static final String READY = "moco4j.dev/ready";

  private PodConditions() {}
}
