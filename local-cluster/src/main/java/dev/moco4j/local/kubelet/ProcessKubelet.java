package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kubelet for one fake Node on this machine that runs pods as local processes: it registers the
 * Node and keeps its heartbeat, binds unscheduled pods to it, provisions claims as directories, and
 * runs each bound pod in a {@link PodWorker}.
 */
public final class ProcessKubelet implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessKubelet.class);
  public static final String NODE_NAME = "moco4j-local";

  private final KubernetesClient client;
  private final VolumeDirectories directories;
  private final Path pidDir;
  private final ServiceImages serviceImages = new ServiceImages();
  private final ImageRuntimes runtimes = new ImageRuntimes(serviceImages);
  private final Map<String, PodWorker> workers = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("kubelet-heartbeat").factory());
  private final PodBinder binder;
  private final ClaimBinder claims;
  private SharedIndexInformer<Pod> pods;

  private ProcessKubelet(KubernetesClient client, Path stateDir, Path pidDir) {
    this.client = client;
    this.directories = new VolumeDirectories(stateDir);
    this.pidDir = pidDir;
    this.binder = new PodBinder(client, NODE_NAME);
    this.claims = new ClaimBinder(client, directories);
  }

  /**
   * Starts the kubelet with its state (pod and claim directories) under {@code stackDir}/kubelet;
   * container PIDs go to {@code stackDir}/pids, which the control plane's orphan reaper watches.
   */
  public static ProcessKubelet start(KubernetesClient client, Path stackDir) {
    ProcessKubelet kubelet =
        new ProcessKubelet(client, stackDir.resolve("kubelet"), stackDir.resolve("pids"));
    try {
      kubelet.startAgents();
      return kubelet;
    } catch (RuntimeException e) {
      kubelet.close();
      throw e;
    }
  }

  private void startAgents() {
    NodeAgent node = new NodeAgent(client, NODE_NAME);
    node.register();
    heartbeat.scheduleWithFixedDelay(
        () -> {
          try {
            node.heartbeat();
          } catch (RuntimeException e) {
            LOG.warn("node heartbeat failed: {}", e.toString());
          }
        },
        10,
        10,
        TimeUnit.SECONDS);
    claims.start();
    pods =
        client
            .pods()
            .inAnyNamespace()
            .withField("spec.nodeName", NODE_NAME)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    dispatch(pod);
                  }

                  @Override
                  public void onUpdate(Pod old, Pod pod) {
                    dispatch(pod);
                  }

                  @Override
                  public void onDelete(Pod pod, boolean unknownFinalState) {
                    PodWorker worker = workers.get(pod.getMetadata().getUid());
                    if (worker != null) {
                      worker.goneFromApi();
                    }
                  }
                });
    binder.start();
    LOG.info("process kubelet running node {}", NODE_NAME);
  }

  private synchronized void dispatch(Pod pod) {
    String uid = pod.getMetadata().getUid();
    PodWorker worker = workers.get(uid);
    if (worker != null) {
      worker.update(pod);
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return;
    }
    PodWorker created =
        new PodWorker(client, pod, directories, pidDir, runtimes, () -> workers.remove(uid));
    workers.put(uid, created);
    threads.add(
        Thread.ofVirtual()
            .name("pod-" + pod.getMetadata().getNamespace() + "-" + pod.getMetadata().getName())
            .start(created));
  }

  /**
   * The JVM images this kubelet runs besides mysql:8*; register more (for example {@link
   * ServiceImages#fromBuild}) at any time, pods created afterwards can use them.
   */
  public ServiceImages serviceImages() {
    return serviceImages;
  }

  /** The IP of a running pod by namespace and name, for tests; null if unknown. */
  public String podIp(String namespace, String name) {
    return worker(namespace, name).map(PodWorker::podIp).orElse(null);
  }

  /** The PIDs of a pod's running containers, by container name (empty if none run). */
  public Map<String, Long> containerPids(String namespace, String name) {
    return worker(namespace, name).map(PodWorker::pids).orElse(Map.of());
  }

  private java.util.Optional<PodWorker> worker(String namespace, String name) {
    Pod pod = client.pods().inNamespace(namespace).withName(name).get();
    return pod == null
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(workers.get(pod.getMetadata().getUid()));
  }

  /** Stops binding and every pod's processes; pods and the Node stay in the API. */
  @Override
  public void close() {
    binder.close();
    claims.close();
    if (pods != null) {
      pods.close();
    }
    heartbeat.shutdownNow();
    workers.values().forEach(PodWorker::shutDown);
    synchronized (this) {
      for (Thread thread : threads) {
        try {
          thread.join(java.time.Duration.ofSeconds(30));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
