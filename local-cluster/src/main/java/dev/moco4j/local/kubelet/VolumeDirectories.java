package dev.moco4j.local.kubelet;

import java.nio.file.Path;

/**
 * Where the kubelet keeps things on disk: pods' private directories (removed with the pod) and
 * claims' persistent directories, keyed by namespace and claim name so a re-created pod (a new UID
 * with the same claim) finds its data.
 */
record VolumeDirectories(Path root) {

  Path claim(String namespace, String claimName) {
    return root.resolve("claims").resolve(namespace).resolve(claimName);
  }

  Path pod(String namespace, String podName, String uid) {
    return root.resolve("pods").resolve(namespace).resolve(podName + "-" + uid);
  }
}
