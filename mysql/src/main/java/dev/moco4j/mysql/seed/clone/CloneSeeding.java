package dev.moco4j.mysql.seed.clone;

import dev.moco4j.mysql.InstanceFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether an empty instance can be seeded with CLONE INSTANCE rather than a logical copy. */
public final class CloneSeeding {

  static final String CLONE_PLUGIN = "clone";

  private CloneSeeding() {}

  /** The clone plugin must be active on both sides of a remote clone. */
  public static boolean isAvailable(InstanceFacts donor, InstanceFacts recipient) {
    return unavailableReason(donor, recipient).isEmpty();
  }

  /** Why CLONE cannot be used, for the cluster's status; empty when it can. */
  public static Optional<String> unavailableReason(InstanceFacts donor, InstanceFacts recipient) {
    List<String> missing = new ArrayList<>();
    if (!donor.hasPlugin(CLONE_PLUGIN)) {
      missing.add("donor");
    }
    if (!recipient.hasPlugin(CLONE_PLUGIN)) {
      missing.add("recipient");
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("clone plugin is not loaded on the " + String.join(" and the ", missing));
  }
}
