package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's environment: PATH and HOME of the host (a process needs them), the apiserver's
 * address as KUBERNETES_SERVICE_HOST/PORT, then envFrom, then env with the valueFrom sources a
 * local process can resolve (ConfigMap and Secret keys, and the pod's name, namespace, uid, IP and
 * node name).
 */
final class ContainerEnvironment {

  private ContainerEnvironment() {}

  static Map<String, String> resolve(
      KubernetesClient client, Pod pod, Container container, String podIp) {
    String namespace = pod.getMetadata().getNamespace();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", System.getProperty("user.home"));
    env.put("HOSTNAME", pod.getMetadata().getName());
    // Where in-cluster clients find the apiserver: a kubelet sets these from the "kubernetes"
    // Service; here they name the apiserver itself (that Service has no proxy).
    URL apiserver = client.getMasterUrl();
    env.put("KUBERNETES_SERVICE_HOST", apiserver.getHost());
    env.put("KUBERNETES_SERVICE_PORT", Integer.toString(apiserver.getPort()));
    for (EnvFromSource from : container.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getConfigMapRef() != null) {
        ConfigMap map =
            client
                .configMaps()
                .inNamespace(namespace)
                .withName(from.getConfigMapRef().getName())
                .get();
        if (map != null && map.getData() != null) {
          map.getData().forEach((k, v) -> env.put(prefix + k, v));
        }
      }
      if (from.getSecretRef() != null) {
        Secret secret =
            client.secrets().inNamespace(namespace).withName(from.getSecretRef().getName()).get();
        if (secret != null && secret.getData() != null) {
          secret.getData().forEach((k, v) -> env.put(prefix + k, decode(v)));
        }
      }
    }
    for (EnvVar var : container.getEnv()) {
      String value = var.getValue();
      var source = var.getValueFrom();
      if (source != null && source.getFieldRef() != null) {
        value =
            switch (source.getFieldRef().getFieldPath()) {
              case "metadata.name" -> pod.getMetadata().getName();
              case "metadata.namespace" -> namespace;
              case "metadata.uid" -> pod.getMetadata().getUid();
              case "status.podIP", "status.hostIP" -> podIp;
              case "spec.nodeName" -> pod.getSpec().getNodeName();
              case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
              default -> "";
            };
      } else if (source != null && source.getSecretKeyRef() != null) {
        Secret secret =
            client
                .secrets()
                .inNamespace(namespace)
                .withName(source.getSecretKeyRef().getName())
                .get();
        value =
            secret == null || secret.getData() == null
                ? null
                : decodeOrNull(secret.getData().get(source.getSecretKeyRef().getKey()));
      } else if (source != null && source.getConfigMapKeyRef() != null) {
        ConfigMap map =
            client
                .configMaps()
                .inNamespace(namespace)
                .withName(source.getConfigMapKeyRef().getName())
                .get();
        value =
            map == null || map.getData() == null
                ? null
                : map.getData().get(source.getConfigMapKeyRef().getKey());
      }
      if (value != null) {
        env.put(var.getName(), expand(value, env));
      }
    }
    return env;
  }

  /** Kubernetes' $(VAR) references to variables defined earlier. */
  private static String expand(String value, Map<String, String> env) {
    String result = value;
    for (var e : env.entrySet()) {
      result = result.replace("$(" + e.getKey() + ")", e.getValue());
    }
    return result;
  }

  private static String decodeOrNull(String base64) {
    return base64 == null ? null : decode(base64);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
