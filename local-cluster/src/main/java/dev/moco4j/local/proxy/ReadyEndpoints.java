package dev.moco4j.local.proxy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ready endpoints of one Service port, chosen round-robin.
 *
 * <p>Computed from pods, with the EndpointSlice controller's rules (selector match, not
 * terminating, Ready condition True, named target ports resolved from container ports), not read
 * from EndpointSlices: the apiserver rejects endpoint addresses in 127.0.0.0/8, so the controller
 * cannot publish this stack's loopback pod IPs (its slices for these Services stay empty).
 */
final class ReadyEndpoints {

  private final SharedIndexInformer<Pod> pods;
  private final String namespace;
  private final Map<String, String> selector;
  private final AtomicInteger next = new AtomicInteger();

  ReadyEndpoints(SharedIndexInformer<Pod> pods, Service service) {
    this.pods = pods;
    this.namespace = service.getMetadata().getNamespace();
    this.selector = Map.copyOf(service.getSpec().getSelector());
  }

  /** All ready addresses for one Service port. */
  List<InetSocketAddress> all(ServicePort port) {
    List<InetSocketAddress> result = new ArrayList<>();
    for (Pod pod : pods.getStore().list()) {
      if (!namespace.equals(pod.getMetadata().getNamespace())
          || pod.getMetadata().getLabels() == null
          || !pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())
          || pod.getMetadata().getDeletionTimestamp() != null
          || pod.getStatus() == null
          || pod.getStatus().getPodIP() == null
          || !isReady(pod)) {
        continue;
      }
      Integer target = targetPort(pod, port);
      if (target != null) {
        result.add(new InetSocketAddress(pod.getStatus().getPodIP(), target));
      }
    }
    return result;
  }

  /** The next ready address round-robin, or null when none is ready. */
  InetSocketAddress pick(ServicePort port) {
    List<InetSocketAddress> ready = all(port);
    return ready.isEmpty() ? null : ready.get(Math.floorMod(next.getAndIncrement(), ready.size()));
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Integer targetPort(Pod pod, ServicePort port) {
    IntOrString target = port.getTargetPort();
    if (target == null) {
      return port.getPort();
    }
    if (target.getIntVal() != null) {
      return target.getIntVal();
    }
    return pod.getSpec().getContainers().stream()
        .flatMap(c -> c.getPorts().stream())
        .filter(p -> target.getStrVal().equals(p.getName()))
        .map(p -> p.getContainerPort())
        .findFirst()
        .orElse(null);
  }
}
