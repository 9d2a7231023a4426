package dev.moco4j.local.kubelet;

import dev.moco4j.testing.mysqld.MysqldDistribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code mysql:8*} container as the cached test mysqld 8.0.31.
 *
 * <p>What is supported (the image's shell entrypoint is not):
 *
 * <ul>
 *   <li>{@code command} set: it must start with {@code mysqld} (or {@code /.../mysqld}); the rest
 *       and {@code args} are passed through, e.g. {@code --initialize-insecure} in an init
 *       container. No data directory is created for you.
 *   <li>{@code command} unset (the image entrypoint): {@code args} go to mysqld as with the real
 *       entrypoint, and an empty data directory is first filled from the fixture's initialized
 *       template (root@'%' without password, like {@code MYSQL_ALLOW_EMPTY_PASSWORD=yes}); {@code
 *       MYSQL_*} variables are ignored.
 *   <li>Paths under volume mounts are rewritten to host directories in arguments and in the file
 *       named by {@code --defaults-file}/{@code --defaults-extra-file} (which is copied, rewritten,
 *       and passed as {@code --defaults-file}); with neither, {@code --no-defaults} keeps the
 *       host's /etc/my.cnf out.
 *   <li>The data directory is {@code --datadir} if given (or set in the defaults file), else the
 *       volume mounted at /var/lib/mysql (the image's default), else a directory private to the
 *       pod.
 *   <li>Always set last (they must hold for every pod): bind and X-protocol addresses to the pod IP
 *       (so every pod can use port 3306), sockets and pid file in private paths, basedir.
 * </ul>
 */
final class MysqldRuntime implements ContainerRuntime {

  static final String IMAGE_DATADIR = "/var/lib/mysql";

  @Override
  public Launch prepare(ContainerContext context) {
    var container = context.container();
    boolean entrypoint = container.getCommand().isEmpty();
    List<String> argv = new ArrayList<>(container.getCommand());
    List<String> args = container.getArgs();
    if (entrypoint && (args.isEmpty() || args.get(0).startsWith("-"))) {
      argv.add("mysqld");
    }
    argv.addAll(args);
    String executable = argv.get(0);
    if (!executable.equals("mysqld") && !executable.endsWith("/mysqld")) {
      throw new UnsupportedContainerException(
          "UnsupportedCommand",
          "container \""
              + container.getName()
              + "\": the process kubelet runs only mysqld from mysql images, not \""
              + String.join(" ", argv)
              + "\"");
    }
    MysqldDistribution distribution = MysqldDistribution.get();
    Path dir = context.containerDir();
    List<String> defaults = new ArrayList<>();
    List<String> options = new ArrayList<>();
    String defaultsFileText = "";
    for (String option : argv.subList(1, argv.size())) {
      String translated = context.paths().text(option);
      if (translated.startsWith("--defaults-file=")
          || translated.startsWith("--defaults-extra-file=")) {
        Path source = Path.of(translated.substring(translated.indexOf('=') + 1));
        defaultsFileText = context.paths().text(read(source));
        Path copy = dir.resolve("my.cnf");
        write(copy, defaultsFileText);
        defaults.add("--defaults-file=" + copy);
      } else if (translated.equals("--no-defaults")) {
        defaults.add(translated);
      } else {
        options.add(translated);
      }
    }
    if (defaults.isEmpty()) {
      defaults.add("--no-defaults");
    }
    boolean initialize =
        options.contains("--initialize") || options.contains("--initialize-insecure");
    boolean datadirGiven =
        options.stream().anyMatch(o -> o.startsWith("--datadir=") || o.startsWith("--datadir "))
            || defaultsFileText.lines().anyMatch(l -> l.strip().matches("datadir\\s*=.*"));
    List<String> command = new ArrayList<>();
    command.add(distribution.mysqld().toString());
    command.addAll(defaults);
    command.addAll(options);
    if (!datadirGiven) {
      Path datadir = context.paths().mountedAt(IMAGE_DATADIR).orElse(dir.resolve("data"));
      if (entrypoint && !initialize) {
        seed(datadir, distribution.templateDataDir());
      }
      command.add("--datadir=" + datadir);
    }
    String socket = socketBase(context);
    command.add("--basedir=" + distribution.baseDir());
    command.add("--user=" + System.getProperty("user.name"));
    command.add("--bind-address=" + context.podIp());
    command.add("--mysqlx-bind-address=" + context.podIp());
    command.add("--socket=" + socket + ".sock");
    command.add("--mysqlx-socket=" + socket + "x.sock");
    command.add("--pid-file=" + dir.resolve("mysqld.pid"));
    Map<String, String> environment = new HashMap<>(context.environment());
    environment.put("TMPDIR", dir.toString());
    return new Launch(command, environment);
  }

  /**
   * A short socket path: Unix socket paths are limited to 107 bytes, far less than the pod
   * directory's depth. The pod IP is leased machine-wide, so the name is unique while it lives.
   */
  private static String socketBase(ContainerContext context) {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "moco4j-sockets");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve(context.podIp() + "-" + context.index()).toString();
  }

  /** Fills an empty data directory from the template, as the image entrypoint initializes one. */
  private static void seed(Path datadir, Path template) {
    try {
      Files.createDirectories(datadir);
      try (var entries = Files.list(datadir)) {
        if (entries.anyMatch(p -> !p.getFileName().toString().equals("lost+found"))) {
          return;
        }
      }
      try (var paths = Files.walk(template)) {
        for (Path source : paths.toList()) {
          Path target = datadir.resolve(template.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot seed " + datadir, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the defaults file " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
