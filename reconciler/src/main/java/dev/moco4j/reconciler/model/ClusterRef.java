package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.v1beta1.ApiGroup;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * The identity of a MySQLCluster its generated objects carry: namespace, standard labels and a
 * controller owner reference (so the garbage collector deletes them with the cluster).
 */
record ClusterRef(String name, String namespace, String uid) {

  OwnerReference ownerReference() {
    return new OwnerReferenceBuilder()
        .withApiVersion(ApiGroup.API_VERSION)
        .withKind("MySQLCluster")
        .withName(name)
        .withUid(uid)
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** Metadata of a generated object: name, namespace, standard labels, owner. */
  ObjectMeta metadata(String objectName) {
    return new ObjectMetaBuilder()
        .withName(objectName)
        .withNamespace(namespace)
        .withLabels(Labels.standard(name))
        .withOwnerReferences(ownerReference())
        .build();
  }
}
