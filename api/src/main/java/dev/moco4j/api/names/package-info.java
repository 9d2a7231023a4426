/**
 * Names, labels, annotations and MySQL users that every moco4j service agrees on for a
 * MySQLCluster's objects.
 *
 * <p>The rule for object names: what tenants and their applications address by name keeps the
 * cluster's name as is (the StatefulSet {@code <name>}, its pods {@code <name>-<i>}, the Services
 * {@code <name>}, {@code <name>-primary} and {@code <name>-replica}, as the architecture promises);
 * every object only moco4j reads is prefixed {@code moco4j-<name>}, so it cannot collide with a
 * tenant's own ConfigMap, Secret, ServiceAccount or PodDisruptionBudget named after their cluster.
 */
package dev.moco4j.api.names;
