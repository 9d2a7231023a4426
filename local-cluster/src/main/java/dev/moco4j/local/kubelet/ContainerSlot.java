package dev.moco4j.local.kubelet;

import dev.moco4j.local.process.ChildProcess;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One container of a pod as the kubelet tracks it: its process, restarts, probes and state. */
final class ContainerSlot {

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  final Container spec;
  final boolean init;
  final int index;
  ChildProcess process;
  Instant startedAt;
  int restartCount;
  boolean completed;
  boolean ready;
  int readinessFailures;
  int livenessFailures;
  boolean startupSucceeded;
  boolean killedByLiveness;
  Instant nextProbe = Instant.EPOCH;
  Instant nextStart = Instant.EPOCH;
  ContainerState terminated;
  ContainerState lastTerminated;
  String waitingReason = "ContainerCreating";
  String waitingMessage;

  ContainerSlot(Container spec, boolean init, int index) {
    this.spec = spec;
    this.init = init;
    this.index = index;
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Records the exit of the process; returns its exit code. */
  int recordExit() {
    int code = process.exitCode();
    terminated =
        new ContainerStateBuilder()
            .withNewTerminated()
            .withExitCode(code)
            .withReason(code == 0 ? "Completed" : "Error")
            .withStartedAt(time(startedAt))
            .withFinishedAt(time(Instant.now()))
            .withContainerID(containerId())
            .endTerminated()
            .build();
    process = null;
    ready = false;
    return code;
  }

  /** Schedules a restart with exponential back-off (1 s doubling to 30 s: a local, fast loop). */
  void scheduleRestart(String reason) {
    lastTerminated = terminated;
    terminated = null;
    restartCount++;
    long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(restartCount - 1, 5));
    nextStart = Instant.now().plusSeconds(seconds);
    waitingReason = reason;
    waitingMessage = "back-off " + seconds + "s restarting failed container " + spec.getName();
  }

  ContainerStatus status() {
    ContainerState state;
    if (isRunning()) {
      state =
          new ContainerStateBuilder()
              .withNewRunning()
              .withStartedAt(time(startedAt))
              .endRunning()
              .build();
    } else if (terminated != null) {
      state = terminated;
    } else {
      state =
          new ContainerStateBuilder()
              .withNewWaiting()
              .withReason(waitingReason)
              .withMessage(waitingMessage)
              .endWaiting()
              .build();
    }
    return new ContainerStatusBuilder()
        .withName(spec.getName())
        .withImage(spec.getImage())
        .withImageID("process://" + spec.getImage())
        .withContainerID(process != null ? containerId() : null)
        .withReady(ready)
        .withStarted(isRunning())
        .withRestartCount(restartCount)
        .withState(state)
        .withLastState(lastTerminated == null ? new ContainerState() : lastTerminated)
        .build();
  }

  private String containerId() {
    return process == null ? null : "process://" + process.pid();
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
