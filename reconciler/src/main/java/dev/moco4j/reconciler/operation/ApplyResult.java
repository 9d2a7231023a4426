package dev.moco4j.reconciler.operation;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** What applying a desired object did: applied, or refused because someone else owns the name. */
public sealed interface ApplyResult<T extends HasMetadata> {

  /** The object as the API server stored it after the apply. */
  record Applied<T extends HasMetadata>(T object) implements ApplyResult<T> {}

  /**
   * An object of that kind and name exists and is not this MySQLCluster's (no owner reference to
   * it), so it was left untouched.
   */
  record NotOwned<T extends HasMetadata>(String kind, String name) implements ApplyResult<T> {

    /** A message a user can act on. */
    public String message() {
      return kind
          + " "
          + name
          + " exists and does not belong to this MySQLCluster; moco4j does not take it over:"
          + " delete or rename it";
    }
  }
}
