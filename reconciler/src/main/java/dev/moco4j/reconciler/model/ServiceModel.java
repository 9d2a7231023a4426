package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.ServiceTemplate;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The cluster's three Services: headless (pod DNS names), primary (writes), replica (reads). */
final class ServiceModel {

  private ServiceModel() {}

  /**
   * Every pod, ready or not, gets its DNS name: the health-monitor and replicas must reach an
   * instance before it is ready (a replica is ready only once it replicates).
   */
  static Service headless(ClusterRef cluster) {
    ServiceSpec spec = new ServiceSpec();
    spec.setClusterIP("None");
    spec.setPublishNotReadyAddresses(true);
    spec.setSelector(Labels.selector(cluster.name()));
    spec.setPorts(ports(List.of()));
    return new Service(
        "v1",
        "Service",
        cluster.metadata(ResourceNames.headlessService(cluster.name())),
        spec,
        null);
  }

  /**
   * A role Service: the tenant's template (labels, annotations, spec fields such as type) under
   * moco4j's selector, ports and readiness rule, which the template cannot change.
   */
  static Service forRole(ClusterRef cluster, String role, ServiceTemplate template) {
    String name =
        Labels.ROLE_PRIMARY.equals(role)
            ? ResourceNames.primaryService(cluster.name())
            : ResourceNames.replicaService(cluster.name());
    ObjectMeta meta = cluster.metadata(name);
    ServiceSpec spec = new ServiceSpec();
    if (template != null) {
      if (template.metadata() != null) {
        meta.setLabels(StatefulSetModel.merged(template.metadata().labels(), meta.getLabels()));
        if (template.metadata().annotations() != null) {
          meta.setAnnotations(new TreeMap<>(template.metadata().annotations()));
        }
      }
      if (template.spec() != null) {
        spec = CanonicalJson.copy(template.spec(), ServiceSpec.class);
      }
    }
    List<ServicePort> tenantPorts = spec.getPorts();
    spec.setSelector(Labels.role(cluster.name(), role));
    spec.setPorts(ports(tenantPorts));
    // Only ready instances serve: readiness is where the health-monitor excludes an errant or
    // lagging replica, so the template may not publish the others.
    spec.setPublishNotReadyAddresses(null);
    return new Service("v1", "Service", meta, spec, null);
  }

  /**
   * moco4j's ports; a tenant port of the same name contributes only its nodePort (so a NodePort or
   * LoadBalancer Service can pin one). Other tenant ports are dropped: only mysqld listens.
   */
  private static List<ServicePort> ports(List<ServicePort> tenant) {
    Map<String, Integer> nodePorts = new TreeMap<>();
    tenant.stream()
        .filter(p -> p.getName() != null && p.getNodePort() != null)
        .forEach(p -> nodePorts.put(p.getName(), p.getNodePort()));
    List<ServicePort> ports = new ArrayList<>();
    ports.add(port(MysqldContainerModel.MYSQL_PORT_NAME, ResourceNames.MYSQL_PORT, nodePorts));
    ports.add(port(MysqldContainerModel.MYSQLX_PORT_NAME, ResourceNames.MYSQLX_PORT, nodePorts));
    return ports;
  }

  private static ServicePort port(String name, int number, Map<String, Integer> nodePorts) {
    return new ServicePortBuilder()
        .withName(name)
        .withPort(number)
        .withTargetPort(new IntOrString(name))
        .withProtocol("TCP")
        .withNodePort(nodePorts.get(name))
        .build();
  }
}
