package dev.moco4j.local.proxy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kube-proxy of the local stack: every Service with a selector and a ClusterIP gets TCP
 * listeners on that ClusterIP (a loopback address, since the apiserver's service range is a
 * loopback /24) that forward each connection to a ready pod of the Service (see {@link
 * ReadyEndpoints} for why pods and not EndpointSlices).
 */
public final class ServiceProxy implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceProxy.class);

  private final KubernetesClient client;
  private final Map<String, ServiceListeners> listeners = new ConcurrentHashMap<>();
  private SharedIndexInformer<Pod> pods;
  private SharedIndexInformer<Service> services;

  private ServiceProxy(KubernetesClient client) {
    this.client = client;
  }

  public static ServiceProxy start(KubernetesClient client) {
    ServiceProxy proxy = new ServiceProxy(client);
    proxy.pods = client.pods().inAnyNamespace().inform();
    proxy.services =
        client
            .services()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Service service) {
                    proxy.sync(service);
                  }

                  @Override
                  public void onUpdate(Service old, Service service) {
                    proxy.sync(service);
                  }

                  @Override
                  public void onDelete(Service service, boolean unknownFinalState) {
                    proxy.remove(key(service));
                  }
                });
    return proxy;
  }

  private synchronized void sync(Service service) {
    String key = key(service);
    var spec = service.getSpec();
    boolean proxied =
        spec.getSelector() != null
            && !spec.getSelector().isEmpty()
            && spec.getClusterIP() != null
            && !"None".equals(spec.getClusterIP());
    ServiceListeners current = listeners.get(key);
    if (current != null && proxied && current.serves(service)) {
      return;
    }
    remove(key);
    if (proxied) {
      try {
        listeners.put(key, ServiceListeners.open(service, new ReadyEndpoints(pods, service)));
      } catch (RuntimeException e) {
        LOG.warn("cannot proxy service {}: {}", key, e.toString());
      }
    }
  }

  private synchronized void remove(String key) {
    ServiceListeners removed = listeners.remove(key);
    if (removed != null) {
      removed.close();
    }
  }

  private static String key(Service service) {
    return service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
  }

  @Override
  public synchronized void close() {
    if (services != null) {
      services.close();
    }
    if (pods != null) {
      pods.close();
    }
    listeners.values().forEach(ServiceListeners::close);
    listeners.clear();
  }
}
