/**
 * The moco4j.dev/v1beta1 custom resources: MySQLCluster and BackupPolicy.
 *
 * <p>The CRD YAML is generated from these classes at build time, so their annotations are the
 * schema. Every type ignores unknown fields: services upgrade one at a time, and one built against
 * an older API must still read objects stored under a newer CRD.
 */
package dev.moco4j.api.v1beta1;
