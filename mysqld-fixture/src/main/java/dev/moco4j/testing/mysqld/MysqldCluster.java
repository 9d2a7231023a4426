package dev.moco4j.testing.mysqld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that provides N real mysqld instances, started before the tests and always
 * stopped and deleted after them, even when a test fails.
 *
 * <p>Register it as a {@code static} field to share the instances among a class's tests, or as an
 * instance field to get fresh instances for every test:
 *
 * <pre>{@code
 * @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(2).build();
 * }</pre>
 */
public final class MysqldCluster
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AutoCloseable {

  private static final AtomicInteger NEXT_SERVER_ID = new AtomicInteger(1);
  private static volatile Path runDir;

  private final int size;
  private final Map<String, String> options;
  private final List<String> initStatements;
  private final List<MysqldInstance> instances = new ArrayList<>();
  private boolean startedPerTest;

  private MysqldCluster(int size, Map<String, String> options, List<String> initStatements) {
    this.size = size;
    this.options = Map.copyOf(options);
    this.initStatements = List.copyOf(initStatements);
  }

  public static Builder withInstances(int size) {
    return new Builder(size);
  }

  /** Options for the cluster under construction. */
  public static final class Builder {
    private final int size;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> initStatements = new ArrayList<>();

    private Builder(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("a cluster needs at least one instance, got " + size);
      }
      this.size = size;
    }

    /** Sets a my.cnf option on every instance, e.g. {@code option("max_allowed_packet", "1G")}. */
    public Builder option(String name, String value) {
      options.put(name, value);
      return this;
    }

    /**
     * Statements run once on every fresh instance, unlogged ({@code sql_log_bin = 0}), as an init
     * container creating the operator's accounts would.
     */
    public Builder initStatements(String... statements) {
      initStatements.addAll(List.of(statements));
      return this;
    }

    public MysqldCluster build() {
      return new MysqldCluster(size, options, initStatements);
    }
  }

  public MysqldInstance instance(int index) {
    return instances.get(index);
  }

  public List<MysqldInstance> instances() {
    return List.copyOf(instances);
  }

  public int size() {
    return size;
  }

  /** Starts every instance in parallel (copying the template data directory is the slow part). */
  public synchronized void start() {
    if (!instances.isEmpty()) {
      return;
    }
    Path root = runDir();
    for (int i = 0; i < size; i++) {
      String name = "mysqld-" + i;
      Path dir;
      try {
        dir = Files.createTempDirectory(root, name + "-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      instances.add(
          new MysqldInstance(name, dir, NEXT_SERVER_ID.getAndIncrement(), options, initStatements));
    }
    try {
      CompletableFuture.allOf(
              instances.stream()
                  .map(instance -> CompletableFuture.runAsync(instance::start))
                  .toArray(CompletableFuture[]::new))
          .join();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Stops every instance and deletes its files; the first failure is rethrown after all ran. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (MysqldInstance instance : instances) {
      try {
        instance.destroy();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    instances.clear();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (instances.isEmpty()) {
      startedPerTest = true;
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (startedPerTest) {
      close();
    }
  }

  private static synchronized Path runDir() {
    if (runDir == null) {
      try {
        runDir = Files.createTempDirectory("moco4j-mysqld-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      OrphanWatchdog.watch(runDir);
    }
    return runDir;
  }
}
