package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volume provisioner of a one-node cluster: for each pending claim it creates a hostPath
 * PersistentVolume pre-bound to the claim (claimRef), pointing at the claim's persistent directory;
 * the controller-manager's PV controller then completes the binding, so claims show Bound as on a
 * real cluster.
 */
final class ClaimBinder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClaimBinder.class);

  private final KubernetesClient client;
  private final VolumeDirectories directories;
  private SharedIndexInformer<PersistentVolumeClaim> informer;

  ClaimBinder(KubernetesClient client, VolumeDirectories directories) {
    this.client = client;
    this.directories = directories;
  }

  void start() {
    informer =
        client
            .persistentVolumeClaims()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(PersistentVolumeClaim claim) {
                    provision(claim);
                  }

                  @Override
                  public void onUpdate(PersistentVolumeClaim old, PersistentVolumeClaim claim) {
                    provision(claim);
                  }

                  @Override
                  public void onDelete(PersistentVolumeClaim claim, boolean unknownFinalState) {}
                });
  }

  private void provision(PersistentVolumeClaim claim) {
    if (claim.getSpec().getVolumeName() != null && !claim.getSpec().getVolumeName().isEmpty()) {
      return;
    }
    String namespace = claim.getMetadata().getNamespace();
    String name = claim.getMetadata().getName();
    Path dir = directories.claim(namespace, name);
    Quantity size =
        claim.getSpec().getResources() != null
                && claim.getSpec().getResources().getRequests() != null
                && claim.getSpec().getResources().getRequests().get("storage") != null
            ? claim.getSpec().getResources().getRequests().get("storage")
            : new Quantity("1Gi");
    String pvName = "local-" + claim.getMetadata().getUid();
    try {
      client
          .persistentVolumes()
          .resource(
              new PersistentVolumeBuilder()
                  .withNewMetadata()
                  .withName(pvName)
                  .addToLabels("moco4j.dev/process-kubelet", "true")
                  .endMetadata()
                  .withNewSpec()
                  .withCapacity(Map.of("storage", size))
                  .withAccessModes(
                      claim.getSpec().getAccessModes().isEmpty()
                          ? List.of("ReadWriteOnce")
                          : claim.getSpec().getAccessModes())
                  .withStorageClassName(
                      claim.getSpec().getStorageClassName() == null
                          ? ""
                          : claim.getSpec().getStorageClassName())
                  .withVolumeMode(claim.getSpec().getVolumeMode())
                  .withPersistentVolumeReclaimPolicy("Retain")
                  .withNewHostPath()
                  .withPath(dir.toString())
                  .withType("DirectoryOrCreate")
                  .endHostPath()
                  .withClaimRef(
                      new ObjectReferenceBuilder()
                          .withApiVersion("v1")
                          .withKind("PersistentVolumeClaim")
                          .withNamespace(namespace)
                          .withName(name)
                          .withUid(claim.getMetadata().getUid())
                          .build())
                  .endSpec()
                  .build())
          .create();
      LOG.info("provisioned {} for claim {}/{} at {}", pvName, namespace, name, dir);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        LOG.warn("cannot provision a volume for {}/{}: {}", namespace, name, e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }
}
