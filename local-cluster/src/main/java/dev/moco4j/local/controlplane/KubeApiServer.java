package dev.moco4j.local.controlplane;

import dev.moco4j.local.binaries.TestBinaries;
import dev.moco4j.local.process.ChildProcess;
import dev.moco4j.local.process.LocalHttp;
import dev.moco4j.local.process.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** kube-apiserver on a free port of 127.0.0.1, backed by the stack's etcd. */
final class KubeApiServer {

  private KubeApiServer() {}

  static ChildProcess start(
      TestBinaries binaries,
      Path dir,
      Path pidDir,
      int etcdPort,
      int port,
      ServiceAccountKeys keys,
      AdminCredentials admin,
      String serviceRange) {
    ChildProcess apiserver =
        ChildProcess.start(
            "kube-apiserver",
            List.of(
                binaries.kubeApiServer().toString(),
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + port,
                "--cert-dir=" + certDir(dir),
                "--service-account-issuer=https://localhost",
                "--service-account-key-file=" + keys.publicKey(),
                "--service-account-signing-key-file=" + keys.privateKey(),
                "--service-cluster-ip-range=" + serviceRange,
                "--authorization-mode=RBAC",
                "--token-auth-file=" + admin.tokenFile(),
                "--allow-privileged=true",
                "--v=1"),
            Map.of(),
            dir,
            dir.resolve("logs/kube-apiserver.log"),
            pidDir);
    Waits.untilReady(
        apiserver,
        Duration.ofSeconds(120),
        () -> LocalHttp.status("https://127.0.0.1:" + port + "/readyz", admin.token()) == 200);
    return apiserver;
  }

  private static Path certDir(Path dir) {
    return dir.resolve("apiserver-certs");
  }

  /** The certificate (and its CA) the apiserver generated for itself, once it is ready. */
  static Path servingCertificate(Path dir) {
    return certDir(dir).resolve("apiserver.crt");
  }
}
