package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of a one-node cluster: binds every unscheduled pod to this node through the pods'
 * binding subresource, as kube-scheduler would.
 */
final class PodBinder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PodBinder.class);

  private final KubernetesClient client;
  private final String nodeName;
  private SharedIndexInformer<Pod> informer;

  PodBinder(KubernetesClient client, String nodeName) {
    this.client = client;
    this.nodeName = nodeName;
  }

  void start() {
    informer =
        client
            .pods()
            .inAnyNamespace()
            .withField("spec.nodeName", "")
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    bind(pod);
                  }

                  @Override
                  public void onUpdate(Pod old, Pod pod) {
                    bind(pod);
                  }

                  @Override
                  public void onDelete(Pod pod, boolean unknownFinalState) {}
                });
  }

  private void bind(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    try {
      client
          .bindings()
          .inNamespace(namespace)
          .resource(
              new BindingBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .withUid(pod.getMetadata().getUid())
                  .endMetadata()
                  .withNewTarget()
                  .withApiVersion("v1")
                  .withKind("Node")
                  .withName(nodeName)
                  .endTarget()
                  .build())
          .create();
      LOG.info("bound pod {}/{} to {}", namespace, name, nodeName);
    } catch (KubernetesClientException e) {
      // 409: already bound (an update raced the binding); 404: deleted meanwhile.
      LOG.debug("cannot bind {}/{}: {}", namespace, name, e.getMessage());
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }
}
