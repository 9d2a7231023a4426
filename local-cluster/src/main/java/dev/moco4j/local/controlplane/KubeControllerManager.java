package dev.moco4j.local.controlplane;

import dev.moco4j.local.binaries.TestBinaries;
import dev.moco4j.local.process.ChildProcess;
import dev.moco4j.local.process.LocalHttp;
import dev.moco4j.local.process.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * kube-controller-manager with every controller on: StatefulSets, Jobs, garbage collection,
 * EndpointSlices, PersistentVolume binding and node lifecycle behave as on a real cluster.
 */
final class KubeControllerManager {

  private KubeControllerManager() {}

  static ChildProcess start(
      TestBinaries binaries,
      Path dir,
      Path pidDir,
      Path kubeconfig,
      ServiceAccountKeys keys,
      int port) {
    String k = kubeconfig.toString();
    ChildProcess kcm =
        ChildProcess.start(
            "kube-controller-manager",
            List.of(
                binaries.kubeControllerManager().toString(),
                "--kubeconfig=" + k,
                "--authentication-kubeconfig=" + k,
                "--authorization-kubeconfig=" + k,
                "--leader-elect=false",
                "--bind-address=127.0.0.1",
                "--secure-port=" + port,
                "--cert-dir=" + dir.resolve("kcm-certs"),
                "--service-account-private-key-file=" + keys.privateKey(),
                // Published in every namespace as kube-root-ca.crt, the ca.crt of pods' service
                // account volumes: the apiserver's self-signed serving certificate bundle.
                "--root-ca-file=" + KubeApiServer.servingCertificate(dir),
                "--use-service-account-credentials=false",
                "--controllers=*",
                "--v=1"),
            Map.of(),
            dir,
            dir.resolve("logs/kube-controller-manager.log"),
            pidDir);
    // /healthz is in the default always-allowed paths, so no token is needed.
    Waits.untilReady(
        kcm,
        Duration.ofSeconds(120),
        () -> LocalHttp.status("https://127.0.0.1:" + port + "/healthz", null) == 200);
    return kcm;
  }
}
