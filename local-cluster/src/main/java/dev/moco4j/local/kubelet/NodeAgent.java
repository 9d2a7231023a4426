package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the one Node this kubelet plays and keeps it alive: without a fresh node Lease and
 * Ready heartbeat, the controller-manager's node lifecycle controller would taint the node and
 * evict its pods, as for a dead machine.
 */
final class NodeAgent {

  private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
  static final int LEASE_SECONDS = 40;
  private static final int MAX_CONFLICT_RETRIES = 10;

  private final KubernetesClient client;
  private final String nodeName;
  private final Instant started = Instant.now();

  NodeAgent(KubernetesClient client, String nodeName) {
    this.client = client;
    this.nodeName = nodeName;
  }

  void register() {
    var capacity =
        Map.of(
            "cpu", new Quantity(Integer.toString(Runtime.getRuntime().availableProcessors())),
            "memory", new Quantity("16Gi"),
            "pods", new Quantity("110"),
            "ephemeral-storage", new Quantity("100Gi"));
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(nodeName)
                .addToLabels("kubernetes.io/hostname", nodeName)
                .addToLabels("kubernetes.io/os", "linux")
                .addToLabels("kubernetes.io/arch", "amd64")
                .addToLabels("moco4j.dev/process-kubelet", "true")
                .endMetadata()
                .build())
        .serverSideApply();
    editStatus(
        node ->
            new NodeBuilder(node)
                .editOrNewStatus()
                .withCapacity(capacity)
                .withAllocatable(capacity)
                .withAddresses(
                    List.of(
                        new io.fabric8.kubernetes.api.model.NodeAddress("127.0.0.1", "InternalIP"),
                        new io.fabric8.kubernetes.api.model.NodeAddress(nodeName, "Hostname")))
                .withNewNodeInfo()
                .withKubeletVersion("v1.36.3")
                .withOperatingSystem("linux")
                .withArchitecture("amd64")
                .withContainerRuntimeVersion("moco4j-process://1")
                .withOsImage(System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .withKernelVersion(System.getProperty("os.version"))
                .withKubeProxyVersion("")
                .withMachineID("")
                .withSystemUUID("")
                .withBootID(started.toString())
                .endNodeInfo()
                .withConditions(conditions())
                .endStatus()
                .build());
    heartbeat();
    LOG.info("registered node {}", nodeName);
  }

  /** Renews the node Lease and the Ready heartbeat. */
  void heartbeat() {
    String now = now();
    client
        .resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withName(nodeName)
                .withNamespace("kube-node-lease")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity(nodeName)
                .withLeaseDurationSeconds(LEASE_SECONDS)
                .withRenewTime(ZonedDateTime.now().truncatedTo(ChronoUnit.MICROS))
                .endSpec()
                .build())
        .forceConflicts()
        .serverSideApply();
    editStatus(
        node -> {
          node.getStatus().getConditions().forEach(c -> c.setLastHeartbeatTime(now));
          return node;
        });
  }

  /**
   * Edits the Node's status from a fresh read, again when the write lost a race: the
   * controller-manager updates the same Node (taints, annotations) right after it appears.
   */
  private void editStatus(UnaryOperator<Node> edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.nodes().withName(nodeName).editStatus(edit);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == MAX_CONFLICT_RETRIES) {
          throw e;
        }
        LOG.debug("node {}: status write conflicted, retrying ({})", nodeName, attempt);
      }
    }
  }

  private List<NodeCondition> conditions() {
    String now = now();
    return List.of(
        condition("Ready", "True", "KubeletReady", "process kubelet is posting ready status", now),
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "", now),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "", now),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "", now));
  }

  private static NodeCondition condition(
      String type, String status, String reason, String message, String now) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(now)
        .build();
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
