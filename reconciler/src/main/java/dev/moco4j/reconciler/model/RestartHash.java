package dev.moco4j.reconciler.model;

import dev.moco4j.api.v1beta1.MySQLClusterSpec;

/**
 * The hash of the inputs whose change needs mysqld restarted: the tenant's pod template (image,
 * resources, everything the tenant wrote), the my.cnf ConfigMap's name (itself a hash of the
 * content) and serverIDBase. What moco4j adds to the pod is deliberately left out, so an operator
 * upgrade that changes only its own additions marks no pod outdated; such changes reach pods as
 * they are replaced for another reason. The number of instances is left out too: scaling creates or
 * removes pods and restarts none.
 */
final class RestartHash {

  private RestartHash() {}

  static String of(MySQLClusterSpec spec, String myCnfName) {
    String inputs =
        CanonicalJson.write(spec.getPodTemplate())
            + "\n"
            + myCnfName
            + "\n"
            + spec.getServerIDBase();
    return Hashes.shortHash(inputs, 16);
  }
}
