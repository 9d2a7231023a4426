package dev.moco4j.local.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The helm CLI that {@code hack/test-binaries.sh} built: {@code MOCO4J_HELM}, else the newest
 * {@code helm-*} under the cache's {@code bin/}. Runs with a HOME of its own under {@code workDir},
 * so the user's helm caches and repositories never take part.
 */
public final class Helm {

  /** moco4j's service charts, by directory name under {@code charts/}. */
  public static final List<String> SERVICE_CHARTS =
      List.of(
          "moco4j-reconciler",
          "moco4j-health-monitor",
          "moco4j-backup-service",
          "moco4j-restore-service");

  private final Path binary;
  private final Path home;

  private Helm(Path binary, Path home) {
    this.binary = binary;
    this.home = home;
  }

  /**
   * @param workDir where helm keeps its caches for this caller (e.g. a module's {@code target/})
   * @throws IllegalStateException when no helm binary was built
   */
  public static Helm find(Path workDir) {
    Optional<Path> configured =
        Optional.ofNullable(System.getenv("MOCO4J_HELM")).filter(s -> !s.isBlank()).map(Path::of);
    Path binary = configured.or(Helm::fromCache).filter(Files::isExecutable).orElse(null);
    if (binary == null) {
      throw new IllegalStateException(
          "no helm binary: run hack/test-binaries.sh, which builds it into the cache"
              + " (or set MOCO4J_HELM)");
    }
    return new Helm(binary, workDir.resolve("helm-home"));
  }

  private static Optional<Path> fromCache() {
    String cache =
        Optional.ofNullable(System.getenv("MOCO4J_CACHE"))
            .orElse(System.getProperty("user.home") + "/.cache/moco4j");
    Path bin = Path.of(cache, "bin");
    if (!Files.isDirectory(bin)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(bin)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("helm-"))
          .map(d -> d.resolve("helm"))
          .filter(Files::isExecutable)
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs helm; the result's output is stdout and stderr together. */
  public Result run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Helm keeps its caches and plugins under HOME: a throw-away one, never the user's.
    builder.environment().put("HOME", home.toString());
    builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
    builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
    builder.environment().remove("KUBECONFIG");
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("helm " + String.join(" ", args) + " did not end");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Result run(String... args) {
    return run(Map.of(), args);
  }

  /** Helm's exit code and its stdout and stderr together. */
  public record Result(int exitCode, String output) {

    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("helm failed with exit code " + exitCode + ":\n" + output);
      }
      return this;
    }
  }
}
