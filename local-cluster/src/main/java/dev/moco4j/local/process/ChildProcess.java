package dev.moco4j.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-running child process (etcd, kube-apiserver, minio, a pod's mysqld) with its output in a
 * log file and its PID in a pid file, so {@link OrphanReaper} can kill it if this JVM dies first.
 */
public final class ChildProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path log;
  private final Path pidFile;
  private final List<ProcessHandle> descendants = new CopyOnWriteArrayList<>();

  private ChildProcess(String name, Process process, Path log, Path pidFile) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.pidFile = pidFile;
  }

  /**
   * Starts {@code command} in {@code workDir}, appending its output to {@code log}; the pid file
   * goes to {@code pidDir} (one directory watched by a reaper).
   */
  public static ChildProcess start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workDir,
      Path log,
      Path pidDir) {
    try {
      Files.createDirectories(workDir);
      Files.createDirectories(log.getParent());
      Files.createDirectories(pidDir);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(environment);
      Process process = builder.start();
      Path pidFile = pidDir.resolve(name + "-" + process.pid() + ".pid");
      Files.writeString(pidFile, Long.toString(process.pid()));
      LOG.debug("started {} (pid {}): {}", name, process.pid(), command);
      return new ChildProcess(name, process, log, pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, or {@code null} while the process runs. */
  public Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }

  public Process process() {
    return process;
  }

  public Path log() {
    return log;
  }

  /** The last lines of the log, for failure messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Sends SIGTERM. */
  public void terminate() {
    rememberDescendants();
    process.destroy();
  }

  /**
   * SIGTERM, then SIGKILL if the process has not exited within {@code grace}; then SIGKILL to what
   * it started and left behind (a shell script's mysqld), as a container's processes all end with
   * it.
   */
  public void stop(Duration grace) {
    try {
      if (process.isAlive()) {
        rememberDescendants();
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn("{} (pid {}) ignored SIGTERM for {}: SIGKILL", name, pid(), grace);
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      // A handle checks the start time too, so a reused PID is never hit.
      descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        LOG.debug("cannot delete {}", pidFile, e);
      }
    }
  }

  /** Once the process is gone its children are re-parented and no longer found from it. */
  private void rememberDescendants() {
    process.descendants().filter(d -> !descendants.contains(d)).forEach(descendants::add);
  }

  @Override
  public void close() {
    stop(DEFAULT_GRACE);
  }
}
