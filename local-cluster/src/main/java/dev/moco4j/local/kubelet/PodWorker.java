package dev.moco4j.local.kubelet;

import dev.moco4j.local.process.ChildProcess;
import dev.moco4j.local.process.Directories;
import dev.moco4j.testing.mysqld.LoopbackAddresses;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pod (one UID) on its own thread: a level-triggered loop that compares the pod in the API
 * with its processes, starts init containers one by one then the containers, restarts them as the
 * restartPolicy says, probes them, writes the status, and on deletion stops them (SIGTERM, the
 * grace period, SIGKILL) before removing the pod.
 */
final class PodWorker implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(PodWorker.class);
  private static final Duration TICK = Duration.ofMillis(500);

  private final KubernetesClient client;
  private final VolumeDirectories directories;
  private final Path pidDir;
  private final ImageRuntimes runtimes;
  private final Runnable onFinished;
  private final Semaphore wakeUp = new Semaphore(0);
  private final String key;
  private volatile Pod latest;
  private volatile boolean goneFromApi;
  private volatile boolean shuttingDown;

  private Path podDir;
  private LoopbackAddresses.Lease lease;
  private Map<String, Path> volumes;
  private final List<ContainerSlot> initSlots = new ArrayList<>();
  private final List<ContainerSlot> slots = new ArrayList<>();
  private boolean prepared;
  private String failedReason;
  private String failedMessage;
  private String startTime;
  private PodStatus lastWritten;

  PodWorker(
      KubernetesClient client,
      Pod pod,
      VolumeDirectories directories,
      Path pidDir,
      ImageRuntimes runtimes,
      Runnable onFinished) {
    this.client = client;
    this.latest = pod;
    this.directories = directories;
    this.pidDir = pidDir;
    this.runtimes = runtimes;
    this.onFinished = onFinished;
    this.key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  void update(Pod pod) {
    latest = pod;
    wakeUp.release();
  }

  void goneFromApi() {
    goneFromApi = true;
    wakeUp.release();
  }

  /** Stops the pod's processes without touching the API (the kubelet is stopping). */
  void shutDown() {
    shuttingDown = true;
    wakeUp.release();
  }

  /** The pod's IP, or null before it has one. */
  String podIp() {
    return lease == null ? null : lease.address();
  }

  /** PIDs of the running containers, by container name. */
  synchronized Map<String, Long> pids() {
    Map<String, Long> pids = new java.util.HashMap<>();
    for (ContainerSlot slot : slots) {
      if (slot.isRunning()) {
        pids.put(slot.spec.getName(), slot.process.pid());
      }
    }
    return pids;
  }

  @Override
  public void run() {
    try {
      while (true) {
        if (shuttingDown) {
          stopAll(Duration.ofSeconds(10));
          return;
        }
        if (goneFromApi) {
          stopAll(Duration.ZERO);
          return;
        }
        Pod pod = latest;
        if (pod.getMetadata().getDeletionTimestamp() != null) {
          terminate(pod);
          return;
        }
        try {
          synchronized (this) {
            tick(pod);
          }
        } catch (RuntimeException e) {
          LOG.warn("pod {}: {}", key, e.toString(), e);
        }
        wakeUp.tryAcquire(TICK.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAll(Duration.ZERO);
    } finally {
      cleanUp();
      onFinished.run();
    }
  }

  private void tick(Pod pod) {
    if (failedReason == null && !prepared) {
      prepare(pod);
    }
    if (failedReason == null && prepared) {
      if (!initialized()) {
        stepInit(pod);
      } else {
        stepContainers(pod);
      }
    }
    writeStatus(pod);
  }

  private void prepare(Pod pod) {
    if (startTime == null) {
      startTime = ContainerSlot.time(Instant.now());
      int i = 0;
      for (Container c : pod.getSpec().getInitContainers()) {
        initSlots.add(new ContainerSlot(c, true, i++));
      }
      // As a kubelet reports it: app containers wait in PodInitializing until init is done.
      String waiting = initSlots.isEmpty() ? "ContainerCreating" : "PodInitializing";
      for (Container c : pod.getSpec().getContainers()) {
        ContainerSlot slot = new ContainerSlot(c, false, i++);
        slot.waitingReason = waiting;
        slots.add(slot);
      }
    }
    try {
      for (ContainerSlot slot : all()) {
        runtimes.forImage(slot.spec.getImage());
      }
    } catch (UnsupportedContainerException e) {
      fail(e.reason(), e.getMessage());
      return;
    }
    if (lease == null) {
      lease = LoopbackAddresses.lease(3306);
    }
    podDir =
        directories.pod(
            pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(),
            pod.getMetadata().getUid());
    try {
      volumes = PodVolumes.materialize(client, pod, podDir, directories);
    } catch (PodVolumes.NotReadyException e) {
      all().forEach(s -> s.waitingMessage = e.getMessage());
      return;
    }
    prepared = true;
    LOG.info("pod {}: IP {}, directory {}", key, lease.address(), podDir);
  }

  private boolean initialized() {
    return initSlots.stream().allMatch(s -> s.completed);
  }

  private void stepInit(Pod pod) {
    ContainerSlot slot = initSlots.stream().filter(s -> !s.completed).findFirst().orElseThrow();
    if (slot.isRunning()) {
      return;
    }
    if (slot.process != null) {
      int code = slot.recordExit();
      if (code == 0) {
        slot.completed = true;
        LOG.info("pod {}: init container {} completed", key, slot.spec.getName());
        return;
      }
      if ("Never".equals(pod.getSpec().getRestartPolicy())) {
        fail("Init:Error", "init container " + slot.spec.getName() + " exited with " + code);
        return;
      }
      // The container's reason is CrashLoopBackOff; "Init:" is only kubectl's prefix for display.
      slot.scheduleRestart("CrashLoopBackOff");
    }
    if (Instant.now().isAfter(slot.nextStart)) {
      start(pod, slot);
    }
  }

  private void stepContainers(Pod pod) {
    String policy =
        pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
    for (ContainerSlot slot : slots) {
      if (slot.process != null && !slot.isRunning()) {
        int code = slot.recordExit();
        LOG.info("pod {}: container {} exited with {}", key, slot.spec.getName(), code);
        // Killed for failing its liveness probe, a container has failed whatever its exit code
        // (mysqld exits 0 on SIGTERM): a kubelet restarts it under any policy but Never.
        boolean failed = code != 0 || slot.killedByLiveness;
        if ("Always".equals(policy) || ("OnFailure".equals(policy) && failed)) {
          slot.scheduleRestart("CrashLoopBackOff");
        }
      }
      if (slot.process == null
          && slot.terminated == null
          && Instant.now().isAfter(slot.nextStart)) {
        start(pod, slot);
      }
      if (slot.isRunning()) {
        probe(pod, slot);
      }
    }
  }

  private void probe(Pod pod, ContainerSlot slot) {
    Instant now = Instant.now();
    if (now.isBefore(slot.nextProbe)) {
      return;
    }
    PathMapper paths = new PathMapper(slot.spec, volumes);
    var startup = slot.spec.getStartupProbe();
    if (startup != null && !slot.startupSucceeded) {
      // As a kubelet does, no liveness or readiness probe runs before the startup probe passed.
      // Probed every second (not every period) so that tests start fast; it fails after as long
      // as the probe allows: the initial delay plus failureThreshold periods.
      if (Probes.check(startup, lease.address(), ports(slot), paths)) {
        slot.startupSucceeded = true;
      } else if (Instant.now().isAfter(startupDeadline(slot, startup))) {
        LOG.warn(
            "pod {}: container {} failed its startup probe: restarting", key, slot.spec.getName());
        slot.killedByLiveness = true;
        slot.process.stop(gracePeriod(pod, null));
      }
      if (!slot.startupSucceeded) {
        slot.nextProbe = now.plusSeconds(1);
        return;
      }
    }
    var readiness = slot.spec.getReadinessProbe();
    var liveness = slot.spec.getLivenessProbe();
    int period = 1;
    if (readiness == null) {
      slot.ready = true;
    } else if (started(slot, readiness)) {
      period = Probes.valueOr(readiness.getPeriodSeconds(), 10);
      if (Probes.check(readiness, lease.address(), ports(slot), paths)) {
        slot.readinessFailures = 0;
        slot.ready = true;
      } else if (++slot.readinessFailures >= Probes.valueOr(readiness.getFailureThreshold(), 3)
          || !slot.ready) {
        slot.ready = false;
      }
      // Until the first success, probe every second: waiting a whole period after a pod starts
      // only makes tests slow, and a real kubelet probes on its own schedule anyway.
      period = slot.ready ? period : 1;
    }
    if (liveness != null && started(slot, liveness)) {
      if (Probes.check(liveness, lease.address(), ports(slot), paths)) {
        slot.livenessFailures = 0;
      } else if (++slot.livenessFailures >= Probes.valueOr(liveness.getFailureThreshold(), 3)) {
        LOG.warn(
            "pod {}: container {} failed its liveness probe: restarting", key, slot.spec.getName());
        slot.livenessFailures = 0;
        slot.killedByLiveness = true;
        slot.process.stop(gracePeriod(pod, null));
      }
      period = Math.min(period, Probes.valueOr(liveness.getPeriodSeconds(), 10));
    }
    slot.nextProbe = now.plusSeconds(period);
  }

  private static Instant startupDeadline(
      ContainerSlot slot, io.fabric8.kubernetes.api.model.Probe startup) {
    long seconds =
        Probes.valueOr(startup.getInitialDelaySeconds(), 0)
            + (long) Probes.valueOr(startup.getPeriodSeconds(), 10)
                * Probes.valueOr(startup.getFailureThreshold(), 3);
    return slot.startedAt.plusSeconds(seconds);
  }

  private static boolean started(ContainerSlot slot, io.fabric8.kubernetes.api.model.Probe probe) {
    return Instant.now()
        .isAfter(slot.startedAt.plusSeconds(Probes.valueOr(probe.getInitialDelaySeconds(), 0)));
  }

  private void start(Pod pod, ContainerSlot slot) {
    Path dir = podDir.resolve("containers").resolve(slot.spec.getName());
    try {
      PathMapper paths = new PathMapper(slot.spec, volumes);
      var env = ContainerEnvironment.resolve(client, pod, slot.spec, lease.address());
      ContainerContext context =
          new ContainerContext(pod, slot.spec, slot.index, lease.address(), dir, paths, env);
      Launch launch = runtimes.forImage(slot.spec.getImage()).prepare(context);
      slot.process =
          ChildProcess.start(
              pod.getMetadata().getName() + "-" + slot.spec.getName(),
              launch.command(),
              launch.environment(),
              dir,
              dir.resolve("container.log"),
              pidDir);
      slot.startedAt = Instant.now();
      slot.startupSucceeded = false;
      slot.killedByLiveness = false;
      slot.waitingReason = null;
      slot.waitingMessage = null;
      slot.nextProbe = Instant.EPOCH;
      LOG.info(
          "pod {}: started {} (pid {}, log {})",
          key,
          slot.spec.getName(),
          slot.process.pid(),
          slot.process.log());
    } catch (UnsupportedContainerException e) {
      fail(e.reason(), e.getMessage());
    } catch (RuntimeException e) {
      slot.waitingReason = "CreateContainerError";
      slot.waitingMessage = e.getMessage();
      slot.nextStart = Instant.now().plusSeconds(2);
      LOG.warn("pod {}: cannot start {}: {}", key, slot.spec.getName(), e.toString());
    }
  }

  private void fail(String reason, String message) {
    failedReason = reason;
    failedMessage = message;
    stopAll(Duration.ZERO);
    LOG.warn("pod {} failed: {}: {}", key, reason, message);
  }

  private String phase() {
    if (failedReason != null) {
      return "Failed";
    }
    if (!prepared || !initialized() || slots.stream().allMatch(s -> s.startedAt == null)) {
      return "Pending";
    }
    if (slots.stream().allMatch(s -> s.terminated != null && !s.isRunning())) {
      boolean allZero =
          slots.stream().allMatch(s -> s.terminated.getTerminated().getExitCode() == 0);
      return allZero ? "Succeeded" : "Failed";
    }
    return "Running";
  }

  private void writeStatus(Pod pod) {
    PodStatus status =
        PodStatusModel.build(
            pod,
            phase(),
            failedReason,
            failedMessage,
            podIp(),
            startTime,
            initialized(),
            initSlots,
            slots);
    if (status.equals(lastWritten)
        && status.getConditions().equals(pod.getStatus().getConditions())) {
      return;
    }
    try {
      Pod updated = new PodBuilder(pod).withStatus(status).build();
      client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(updated).updateStatus();
      lastWritten = status;
    } catch (KubernetesClientException e) {
      // 409: the informer's copy was stale; the next tick has a fresher one. 404: deleted.
      LOG.debug("pod {}: status not written: {}", key, e.getMessage());
    }
  }

  private void terminate(Pod pod) throws InterruptedException {
    Duration grace = gracePeriod(pod, pod.getMetadata().getDeletionGracePeriodSeconds());
    LOG.info("pod {}: deleting, grace period {}", key, grace);
    Instant deadline = Instant.now().plus(grace);
    runPreStopSleeps(deadline);
    Duration left = Duration.between(Instant.now(), deadline);
    stopAll(left.isNegative() ? Duration.ZERO : left);
    try {
      client
          .pods()
          .inNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName())
          .withGracePeriod(0)
          .delete();
    } catch (KubernetesClientException e) {
      LOG.debug("pod {}: final delete: {}", key, e.getMessage());
    }
  }

  /**
   * A kubelet runs each container's preStop hook before that container's SIGTERM, all containers at
   * once, within the grace period. Only the {@code sleep} action is run (the one moco4j's MySQL
   * pods use, so that the health-monitor can switch the primary away while mysqld still serves);
   * exec and HTTP hooks are skipped. The pod's lock is not held while waiting, so its PIDs stay
   * readable.
   */
  private void runPreStopSleeps(Instant deadline) throws InterruptedException {
    Instant start = Instant.now();
    List<ContainerSlot> running;
    synchronized (this) {
      running =
          slots.stream()
              .filter(ContainerSlot::isRunning)
              .sorted(Comparator.comparingLong(PodWorker::preStopSleepSeconds))
              .toList();
    }
    for (ContainerSlot slot : running) {
      long seconds = preStopSleepSeconds(slot);
      if (seconds <= 0) {
        continue;
      }
      Instant due = start.plusSeconds(seconds);
      due = due.isAfter(deadline) ? deadline : due;
      LOG.info("pod {}: preStop hook of {} sleeps until {}", key, slot.spec.getName(), due);
      long millis = Duration.between(Instant.now(), due).toMillis();
      if (millis > 0) {
        Thread.sleep(millis);
      }
      if (slot.isRunning()) {
        slot.process.terminate();
      }
    }
  }

  private static long preStopSleepSeconds(ContainerSlot slot) {
    var lifecycle = slot.spec.getLifecycle();
    if (lifecycle == null
        || lifecycle.getPreStop() == null
        || lifecycle.getPreStop().getSleep() == null
        || lifecycle.getPreStop().getSleep().getSeconds() == null) {
      return 0;
    }
    return lifecycle.getPreStop().getSleep().getSeconds();
  }

  private static Duration gracePeriod(Pod pod, Long deletionGrace) {
    Long seconds =
        deletionGrace != null ? deletionGrace : pod.getSpec().getTerminationGracePeriodSeconds();
    return Duration.ofSeconds(seconds == null ? 30 : seconds);
  }

  /** SIGTERM to every process at once, then SIGKILL whatever is left after the grace period. */
  private synchronized void stopAll(Duration grace) {
    List<ContainerSlot> running = all().stream().filter(ContainerSlot::isRunning).toList();
    running.forEach(s -> s.process.terminate());
    Instant deadline = Instant.now().plus(grace);
    for (ContainerSlot slot : running) {
      Duration left = Duration.between(Instant.now(), deadline);
      slot.process.stop(left.isNegative() ? Duration.ZERO : left);
    }
  }

  private void cleanUp() {
    if (lease != null) {
      lease.close();
      lease = null;
    }
    if (podDir != null) {
      Directories.deleteRecursively(podDir);
    }
  }

  private List<ContainerSlot> all() {
    List<ContainerSlot> all = new ArrayList<>(initSlots);
    all.addAll(slots);
    return all;
  }

  private static java.util.List<io.fabric8.kubernetes.api.model.ContainerPort> ports(
      ContainerSlot slot) {
    return slot.spec.getPorts() == null ? java.util.List.of() : slot.spec.getPorts();
  }
}
