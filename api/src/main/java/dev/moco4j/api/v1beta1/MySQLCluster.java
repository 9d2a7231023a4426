package dev.moco4j.api.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.crd.generator.annotation.Labels;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A MySQL 8 primary–replica cluster with GTID replication, run by moco4j. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("MySQLCluster")
@Plural("mysqlclusters")
@Singular("mysqlcluster")
@ShortNames({"mc", "mysql"})
@Categories("moco4j")
// Uninstalling the CRD chart must not delete the CRD: that would delete every cluster with it.
@Annotations("helm.sh/resource-policy=keep")
@Labels("app.kubernetes.io/part-of=moco4j")
// The name prefixes the StatefulSet, pods and Services (<name>-primary, <name>-replica): Services
// need a DNS-1035 label, and a pod's controller-revision-hash label must stay within 63 characters.
// The API server already makes it a DNS subdomain. No regex over the whole name: the API server
// prices a rule by the longest name a request could carry, and a full match would exceed the
// budget.
@ValidationRule(
    value =
        "size(self.metadata.name) <= 40 && !self.metadata.name.contains('.')"
            + " && self.metadata.name.matches('^[a-z]')",
    message =
        "metadata.name of a MySQLCluster must be at most 40 characters of lowercase letters, digits"
            + " and '-', starting with a letter: it names the cluster's StatefulSet, pods and Services")
@AdditionalPrinterColumn(name = "State", jsonPath = ".status.state")
@AdditionalPrinterColumn(
    name = "Primary",
    jsonPath = ".status.currentPrimaryIndex",
    type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Synced", jsonPath = ".status.syncedReplicas", type = Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Replicas",
    jsonPath = ".spec.replicas",
    type = Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Errant",
    jsonPath = ".status.errantReplicas",
    type = Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class MySQLCluster extends CustomResource<MySQLClusterSpec, MySQLClusterStatus>
    implements Namespaced {

  @Override
  @Required
  public MySQLClusterSpec getSpec() {
    return super.getSpec();
  }

  @Override
  protected MySQLClusterSpec initSpec() {
    return new MySQLClusterSpec();
  }
}
