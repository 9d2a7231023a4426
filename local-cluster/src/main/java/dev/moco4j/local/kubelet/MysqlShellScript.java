package dev.moco4j.local.kubelet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs a mysql container's {@code sh -c <script>} (or {@code bash -c}) with the host's shell, as an
 * init container that prepares a data directory and option files would in the image.
 *
 * <ul>
 *   <li>Container paths under volume mounts are rewritten to host directories in the script's text,
 *       in the arguments after it and in environment values (no mount namespace here).
 *   <li>{@code PATH} starts with a directory holding a {@code mysqld} wrapper ({@link
 *       MysqldWrapper}); the rest is the host's, so the script has the host's coreutils and nothing
 *       else of the image (no {@code mysql} client, no entrypoint helpers).
 *   <li>The working directory, HOME and TMPDIR are the container's private directory.
 * </ul>
 */
final class MysqlShellScript {

  private static final Set<String> SHELLS = Set.of("sh", "bash");

  /** {@code -c}, possibly with other single-letter options: {@code -ec}, {@code -euc}. */
  private static final Pattern COMMAND_OPTION = Pattern.compile("-[a-zA-Z]*c[a-zA-Z]*");

  private MysqlShellScript() {}

  static boolean matches(List<String> argv) {
    return argv.size() >= 3
        && SHELLS.contains(Path.of(argv.get(0)).getFileName().toString())
        && COMMAND_OPTION.matcher(argv.get(1)).matches();
  }

  static Launch prepare(ContainerContext context, List<String> argv, MysqldCommand.Host mysqld) {
    String name = Path.of(argv.get(0)).getFileName().toString();
    Path shell = Path.of("/bin", name);
    if (!Files.isExecutable(shell)) {
      throw new UnsupportedContainerException(
          "UnsupportedCommand",
          "container \"" + context.container().getName() + "\": this host has no " + shell);
    }
    PathMapper paths = context.paths();
    Path dir = context.containerDir();
    Path bin = dir.resolve("bin");
    MysqldWrapper.install(bin, mysqld, paths);
    List<String> command = new ArrayList<>();
    command.add(shell.toString());
    command.add(argv.get(1));
    argv.subList(2, argv.size()).forEach(arg -> command.add(paths.text(arg)));
    Map<String, String> environment = new HashMap<>();
    context.environment().forEach((k, v) -> environment.put(k, paths.text(v)));
    environment.put(
        "PATH", bin + ":" + context.environment().getOrDefault("PATH", "/usr/bin:/bin"));
    environment.put("HOME", dir.toString());
    environment.put("TMPDIR", dir.toString());
    return new Launch(command, environment);
  }
}
