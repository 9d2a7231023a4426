package dev.moco4j.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * SIGKILLs this JVM's child processes if the JVM dies without stopping them (a SIGKILLed test run,
 * a crashed fork), so no etcd, apiserver or pod process outlives its owner.
 *
 * <p>A small shell loop polls the JVM's PID; when it is gone, it kills every process with a pid
 * file in the pid directory whose command line names {@code mustMention} (so a reused PID of an
 * unrelated process is never killed), then optionally deletes a directory.
 */
public final class OrphanReaper {

  private OrphanReaper() {}

  public static void watch(Path pidDir, Path mustMention, Path deleteAfterwards) {
    String script =
        """
        jvm=$1; pids=$2; mention=$3; del=$4
        while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
        for f in "$pids"/*.pid; do
          [ -f "$f" ] || continue
          p=$(cat "$f" 2>/dev/null) || continue
          if tr '\\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -qF "$mention"; then kill -9 "$p"; fi
        done
        [ -n "$del" ] && rm -rf "$del"
        """;
    try {
      new ProcessBuilder(
              List.of(
                  "sh",
                  "-c",
                  script,
                  "moco4j-local-reaper",
                  Long.toString(ProcessHandle.current().pid()),
                  pidDir.toString(),
                  mustMention.toString(),
                  deleteAfterwards == null ? "" : deleteAfterwards.toString()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the orphan reaper", e);
    }
  }
}
