package dev.moco4j.local.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One static bearer token in {@code system:masters}: the apiserver reads it from a token file, the
 * controller-manager, the kubelet and tests use it through a kubeconfig.
 */
record AdminCredentials(String token, Path tokenFile) {

  static AdminCredentials generate(Path dir) {
    String token = UUID.randomUUID().toString().replace("-", "");
    Path tokenFile = dir.resolve("tokens.csv");
    write(tokenFile, token + ",admin,admin-uid,system:masters\n");
    return new AdminCredentials(token, tokenFile);
  }

  /**
   * Writes a kubeconfig for {@code server}. The apiserver's certificate is self-signed at start, so
   * TLS verification is skipped; the traffic stays on the loopback interface.
   */
  Path writeKubeconfig(Path file, String server) {
    write(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: moco4j-local
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        users:
        - name: admin
          user:
            token: %s
        contexts:
        - name: moco4j-local
          context:
            cluster: moco4j-local
            user: admin
            namespace: default
        current-context: moco4j-local
        """
            .formatted(server, token));
    return file;
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
