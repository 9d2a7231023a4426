package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Materializes a pod's volumes as host directories: emptyDir in the pod's directory, ConfigMap and
 * Secret (and projected) volumes as files written once at pod start, PersistentVolumeClaims as the
 * claim's persistent directory, hostPath as itself. Returns volume name to host directory.
 */
final class PodVolumes {

  /** A referenced ConfigMap or Secret does not exist yet; the pod waits, as a kubelet would. */
  static final class NotReadyException extends RuntimeException {
    NotReadyException(String message) {
      super(message);
    }
  }

  private PodVolumes() {}

  static Map<String, Path> materialize(
      KubernetesClient client, Pod pod, Path podDir, VolumeDirectories directories) {
    String namespace = pod.getMetadata().getNamespace();
    Map<String, Path> result = new HashMap<>();
    for (Volume volume : pod.getSpec().getVolumes()) {
      Path dir = podDir.resolve("volumes").resolve(volume.getName());
      if (volume.getPersistentVolumeClaim() != null) {
        dir = directories.claim(namespace, volume.getPersistentVolumeClaim().getClaimName());
        mkdirs(dir);
      } else if (volume.getHostPath() != null) {
        dir = Path.of(volume.getHostPath().getPath());
      } else if (volume.getConfigMap() != null) {
        var source = volume.getConfigMap();
        writeAll(
            dir,
            configMapFiles(client, namespace, source.getName(), source.getOptional()),
            source.getItems());
      } else if (volume.getSecret() != null) {
        var source = volume.getSecret();
        writeAll(
            dir,
            secretFiles(client, namespace, source.getSecretName(), source.getOptional()),
            source.getItems());
      } else if (volume.getProjected() != null) {
        // The service-account volume every pod gets: kube-root-ca.crt (published by the
        // controller-manager in each namespace), a bound token, the namespace.
        mkdirs(dir);
        for (VolumeProjection projection : volume.getProjected().getSources()) {
          project(client, pod, dir, projection);
        }
      } else {
        // emptyDir, and anything else a local process can treat as scratch space.
        mkdirs(dir);
      }
      result.put(volume.getName(), dir);
    }
    return result;
  }

  private static void project(
      KubernetesClient client, Pod pod, Path dir, VolumeProjection projection) {
    String namespace = pod.getMetadata().getNamespace();
    if (projection.getConfigMap() != null) {
      var source = projection.getConfigMap();
      writeAll(
          dir,
          configMapFiles(client, namespace, source.getName(), source.getOptional()),
          source.getItems());
    } else if (projection.getSecret() != null) {
      var source = projection.getSecret();
      writeAll(
          dir,
          secretFiles(client, namespace, source.getName(), source.getOptional()),
          source.getItems());
    } else if (projection.getServiceAccountToken() != null) {
      var source = projection.getServiceAccountToken();
      write(dir.resolve(source.getPath()), serviceAccountToken(client, pod, source));
    } else if (projection.getDownwardAPI() != null) {
      for (var file : projection.getDownwardAPI().getItems()) {
        if (file.getFieldRef() != null
            && "metadata.namespace".equals(file.getFieldRef().getFieldPath())) {
          write(dir.resolve(file.getPath()), namespace.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  /**
   * A token for the pod's service account from the TokenRequest API, bound to the pod (it stops
   * being valid when the pod is deleted), as a kubelet writes it for a projected volume.
   */
  private static byte[] serviceAccountToken(
      KubernetesClient client, Pod pod, ServiceAccountTokenProjection source) {
    String account = pod.getSpec().getServiceAccountName();
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withAudiences(source.getAudience() == null ? List.of() : List.of(source.getAudience()))
            .withExpirationSeconds(source.getExpirationSeconds())
            .withNewBoundObjectRef()
            .withApiVersion("v1")
            .withKind("Pod")
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .endBoundObjectRef()
            .endSpec()
            .build();
    TokenRequest issued =
        client
            .serviceAccounts()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(account == null ? "default" : account)
            .tokenRequest(request);
    return issued.getStatus().getToken().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A ConfigMap's keys as files; none when it is missing and {@code optional}, else the pod waits
   * for it, as a kubelet does.
   */
  private static Map<String, byte[]> configMapFiles(
      KubernetesClient client, String namespace, String name, Boolean optional) {
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
    if (map == null) {
      return absent("configmap", name, optional);
    }
    return strings(map);
  }

  /** A Secret's keys as files, on the same terms as {@link #configMapFiles}. */
  private static Map<String, byte[]> secretFiles(
      KubernetesClient client, String namespace, String name, Boolean optional) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      return absent("secret", name, optional);
    }
    return bytes(secret);
  }

  private static Map<String, byte[]> absent(String kind, String name, Boolean optional) {
    if (!Boolean.TRUE.equals(optional)) {
      throw new NotReadyException(kind + " \"" + name + "\" not found");
    }
    return Map.of();
  }

  private static Map<String, byte[]> strings(ConfigMap map) {
    Map<String, byte[]> files = new HashMap<>();
    if (map.getData() != null) {
      map.getData().forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    if (map.getBinaryData() != null) {
      map.getBinaryData().forEach((k, v) -> files.put(k, Base64.getDecoder().decode(v)));
    }
    return files;
  }

  private static Map<String, byte[]> bytes(Secret secret) {
    Map<String, byte[]> files = new HashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> files.put(k, Base64.getDecoder().decode(v)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    return files;
  }

  private static void writeAll(Path dir, Map<String, byte[]> files, List<KeyToPath> items) {
    mkdirs(dir);
    if (items == null || items.isEmpty()) {
      files.forEach((key, content) -> write(dir.resolve(key), content));
    } else {
      for (KeyToPath item : items) {
        byte[] content = files.get(item.getKey());
        if (content != null) {
          write(dir.resolve(item.getPath()), content);
        }
      }
    }
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
