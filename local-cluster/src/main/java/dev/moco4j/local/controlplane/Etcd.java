package dev.moco4j.local.controlplane;

import dev.moco4j.local.binaries.TestBinaries;
import dev.moco4j.local.process.ChildProcess;
import dev.moco4j.local.process.FreePorts;
import dev.moco4j.local.process.LocalHttp;
import dev.moco4j.local.process.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A single-member etcd on two free loopback ports, its data in the stack's directory. */
final class Etcd {

  private Etcd() {}

  static ChildProcess start(TestBinaries binaries, Path dir, Path pidDir, int clientPort) {
    int peerPort = FreePorts.next();
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    ChildProcess etcd =
        ChildProcess.start(
            "etcd",
            List.of(
                binaries.etcd().toString(),
                "--data-dir=" + dir.resolve("etcd"),
                "--listen-client-urls=" + client,
                "--advertise-client-urls=" + client,
                "--listen-peer-urls=" + peer,
                "--initial-advertise-peer-urls=" + peer,
                "--initial-cluster=default=" + peer,
                // No metrics listener of its own: nothing here scrapes it.
                "--listen-metrics-urls=",
                "--log-level=warn"),
            Map.of(),
            dir,
            dir.resolve("logs/etcd.log"),
            pidDir);
    Waits.untilReady(
        etcd, Duration.ofSeconds(60), () -> LocalHttp.status(client + "/health", null) == 200);
    return etcd;
  }
}
