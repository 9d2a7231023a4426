package dev.moco4j.testing.mysqld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Kills this JVM's mysqld processes and deletes their files if the JVM dies without cleaning up (a
 * SIGKILLed test run, a crashed fork), so no test leaves a server behind.
 *
 * <p>A small shell loop polls the JVM's PID; when it is gone, it kills every process whose pid file
 * is under the run directory and whose command line names that directory (guarding against PID
 * reuse), then removes the directory.
 */
final class OrphanWatchdog {

  private OrphanWatchdog() {}

  static void watch(Path runDir) {
    String script =
        """
        jvm=$1; root=$2
        while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
        for f in "$root"/*/mysqld.pid; do
          [ -f "$f" ] || continue
          p=$(cat "$f" 2>/dev/null) || continue
          if tr '\\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -qF "$root"; then kill -9 "$p"; fi
        done
        rm -rf "$root"
        """;
    try {
      new ProcessBuilder(
              List.of(
                  "sh",
                  "-c",
                  script,
                  "moco4j-mysqld-watchdog",
                  Long.toString(ProcessHandle.current().pid()),
                  runDir.toString()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the mysqld watchdog", e);
    }
  }
}
