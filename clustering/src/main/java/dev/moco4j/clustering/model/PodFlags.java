package dev.moco4j.clustering.model;

/**
 * What the platform says about an instance's pod.
 *
 * @param terminating the pod is being deleted: a primary must be switched away first
 * @param demoteRequested an operator asked this instance to stop being the primary
 */
public record PodFlags(boolean terminating, boolean demoteRequested) {

  public static final PodFlags NONE = new PodFlags(false, false);
}
