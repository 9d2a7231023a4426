package dev.moco4j.reconciler.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;

/**
 * A generated my.cnf: its ConfigMap (named after a hash of its content), and the tenant's entries
 * that were not applied.
 *
 * @param configMapName the ConfigMap's name, to mount in the pod template
 * @param content the my.cnf text
 * @param rejected the tenant's entries left out, sorted by key
 */
public record MyCnf(
    String configMapName, ConfigMap configMap, String content, List<Rejected> rejected) {

  /** A tenant's my.cnf entry that was left out, with why. */
  public record Rejected(String key, Reason reason) {}

  /** Why an entry was left out. */
  public enum Reason {
    /** The key is one moco4j's clustering relies on; moco4j's value stays. */
    PROTECTED,
    /** The key or value cannot be written into my.cnf safely (bad characters, a line break). */
    INVALID,
    /** The same option spelled twice ('-' and '_', or with {@code loose_}); another one won. */
    DUPLICATE
  }

  /** The rejected keys alone, as a condition message lists them. */
  public List<String> rejectedKeys() {
    return rejected.stream().map(Rejected::key).toList();
  }
}
