package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
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
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(source.getName()).get();
        if (map == null && !Boolean.TRUE.equals(source.getOptional())) {
          throw new NotReadyException("configmap \"" + source.getName() + "\" not found");
        }
        writeAll(dir, map == null ? Map.of() : strings(map), source.getItems());
      } else if (volume.getSecret() != null) {
        var source = volume.getSecret();
        Secret secret =
            client.secrets().inNamespace(namespace).withName(source.getSecretName()).get();
        if (secret == null && !Boolean.TRUE.equals(source.getOptional())) {
          throw new NotReadyException("secret \"" + source.getSecretName() + "\" not found");
        }
        writeAll(dir, secret == null ? Map.of() : bytes(secret), source.getItems());
      } else if (volume.getProjected() != null) {
        // Projected sources are treated as optional: the service-account volume every pod gets
        // references kube-root-ca.crt, which this control plane may not publish.
        mkdirs(dir);
        for (VolumeProjection projection : volume.getProjected().getSources()) {
          project(client, namespace, dir, projection);
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
      KubernetesClient client, String namespace, Path dir, VolumeProjection projection) {
    if (projection.getConfigMap() != null) {
      ConfigMap map =
          client
              .configMaps()
              .inNamespace(namespace)
              .withName(projection.getConfigMap().getName())
              .get();
      if (map != null) {
        writeAll(dir, strings(map), projection.getConfigMap().getItems());
      }
    } else if (projection.getSecret() != null) {
      Secret secret =
          client.secrets().inNamespace(namespace).withName(projection.getSecret().getName()).get();
      if (secret != null) {
        writeAll(dir, bytes(secret), projection.getSecret().getItems());
      }
    } else if (projection.getDownwardAPI() != null) {
      for (var file : projection.getDownwardAPI().getItems()) {
        if (file.getFieldRef() != null
            && "metadata.namespace".equals(file.getFieldRef().getFieldPath())) {
          write(dir.resolve(file.getPath()), namespace.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
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
