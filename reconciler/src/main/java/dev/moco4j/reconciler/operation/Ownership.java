package dev.moco4j.reconciler.operation;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Whether an object belongs to a MySQLCluster: it carries an owner reference to its uid. */
public final class Ownership {

  private Ownership() {}

  public static boolean ownedBy(HasMetadata object, String ownerUid) {
    return object.getMetadata().getOwnerReferences() != null
        && object.getMetadata().getOwnerReferences().stream()
            .anyMatch(ref -> ownerUid != null && ownerUid.equals(ref.getUid()));
  }
}
