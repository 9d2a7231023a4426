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
 * <p>What is supported (the image's own entrypoint script is not):
 *
 * <ul>
 *   <li>{@code command} set to {@code mysqld} (or {@code /.../mysqld}): the rest and {@code args}
 *       are passed through with container paths rewritten, e.g. {@code --initialize-insecure} in an
 *       init container. No data directory is created for you. See {@link MysqldCommand} for what is
 *       added.
 *   <li>{@code command} set to {@code sh -c <script>} (or {@code bash}): see {@link
 *       MysqlShellScript}; the script's {@code mysqld} is a wrapper that runs the same {@link
 *       MysqldCommand}.
 *   <li>{@code command} unset (the image entrypoint): {@code args} go to mysqld as with the real
 *       entrypoint, and an empty data directory is first filled from the fixture's initialized
 *       template (root@'%' without password, like {@code MYSQL_ALLOW_EMPTY_PASSWORD=yes}); {@code
 *       MYSQL_*} variables are ignored.
 *   <li>Without {@code --datadir} (on the command line or in an option file), the data directory is
 *       the volume mounted at /var/lib/mysql (the image's default), else a directory private to the
 *       pod.
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
    Path dir = context.containerDir();
    if (MysqlShellScript.matches(argv)) {
      return MysqlShellScript.prepare(context, argv, host(context, dir.resolve("mysqld")));
    }
    String executable = argv.get(0);
    if (!executable.equals("mysqld") && !executable.endsWith("/mysqld")) {
      throw new UnsupportedContainerException(
          "UnsupportedCommand",
          "container \""
              + container.getName()
              + "\": the process kubelet runs only mysqld or a shell script (sh -c) from mysql"
              + " images, not \""
              + String.join(" ", argv)
              + "\"");
    }
    MysqldCommand.Host host = host(context, dir);
    List<String> options =
        argv.subList(1, argv.size()).stream().map(context.paths()::text).toList();
    MysqldCommand.Result result = MysqldCommand.build(host, options, context.paths());
    if (entrypoint && !result.initialize() && result.datadirDefaulted()) {
      seed(host.defaultDatadir(), MysqldDistribution.get().templateDataDir());
    }
    Map<String, String> environment = new HashMap<>(context.environment());
    environment.put("TMPDIR", dir.toString());
    return new Launch(result.command(), environment);
  }

  /** How this container's mysqld runs here, with its copies and pid file in {@code workDir}. */
  private static MysqldCommand.Host host(ContainerContext context, Path workDir) {
    MysqldDistribution distribution = MysqldDistribution.get();
    return new MysqldCommand.Host(
        distribution.mysqld(),
        distribution.baseDir(),
        System.getProperty("user.name"),
        context.podIp(),
        socketBase(context),
        workDir,
        context.paths().mountedAt(IMAGE_DATADIR).orElse(context.containerDir().resolve("data")));
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
}
