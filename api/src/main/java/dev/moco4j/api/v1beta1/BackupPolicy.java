package dev.moco4j.api.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.crd.generator.annotation.Labels;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** When and where to back up the MySQLClusters that name this policy in spec.backupPolicyName. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("BackupPolicy")
@Plural("backuppolicies")
@Singular("backuppolicy")
@ShortNames("mbp")
@Categories("moco4j")
// Uninstalling the CRD chart must not delete the CRD: that would delete every policy with it.
@Annotations("helm.sh/resource-policy=keep")
@Labels("app.kubernetes.io/part-of=moco4j")
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule")
@AdditionalPrinterColumn(name = "Bucket", jsonPath = ".spec.bucket.bucketName", priority = 1)
@AdditionalPrinterColumn(name = "Suspend", jsonPath = ".spec.suspend", type = Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Last Success",
    jsonPath = ".status.lastSuccessfulBackupTime",
    type = Type.DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class BackupPolicy extends CustomResource<BackupPolicySpec, BackupPolicyStatus>
    implements Namespaced {

  @Override
  @Required
  public BackupPolicySpec getSpec() {
    return super.getSpec();
  }

  @Override
  protected BackupPolicySpec initSpec() {
    return new BackupPolicySpec();
  }
}
