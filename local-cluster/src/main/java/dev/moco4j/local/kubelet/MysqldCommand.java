package dev.moco4j.local.kubelet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * mysqld's command line on this host: a container's options (already in host paths) plus what every
 * local mysqld needs. Shared by a {@code mysqld} container and the {@code mysqld} wrapper a shell
 * script calls, so both run mysqld the same way.
 *
 * <ul>
 *   <li>{@code --defaults-file}/{@code --defaults-extra-file}: copied with container paths
 *       rewritten (see {@link DefaultsFiles}) and passed first, as mysqld requires, as {@code
 *       --defaults-file}; with neither, {@code --no-defaults} keeps the host's /etc/my.cnf out.
 *   <li>The data directory: {@code --datadir} if given (or set in an option file), else {@link
 *       Host#defaultDatadir}.
 *   <li>Always: basedir of the cached distribution and the user. For a server (not {@code
 *       --initialize}), last so they win: bind and X-protocol addresses to the pod IP (every pod
 *       uses 3306), short private sockets (socket paths are limited to 107 bytes) and the pid file.
 * </ul>
 */
final class MysqldCommand {

  /**
   * Where this mysqld runs: the distribution's binary and basedir, the OS user, the pod IP, the
   * prefix of its sockets, a private directory for copies and the pid file, and the data directory
   * to use when none is given.
   */
  record Host(
      Path mysqld,
      Path baseDir,
      String user,
      String podIp,
      String socketBase,
      Path workDir,
      Path defaultDatadir) {}

  /** The command line; whether it initializes a data directory; whether the datadir defaulted. */
  record Result(List<String> command, boolean initialize, boolean datadirDefaulted) {}

  private MysqldCommand() {}

  static Result build(Host host, List<String> options, PathMapper paths) {
    List<String> defaults = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    String defaultsText = "";
    for (String option : options) {
      if (option.startsWith("--defaults-file=") || option.startsWith("--defaults-extra-file=")) {
        Path source = Path.of(option.substring(option.indexOf('=') + 1));
        Path copy = host.workDir().resolve("my.cnf");
        defaultsText = DefaultsFiles.copy(source, copy, paths);
        defaults.add("--defaults-file=" + copy);
      } else if (option.equals("--no-defaults")) {
        defaults.add(option);
      } else {
        rest.add(option);
      }
    }
    if (defaults.isEmpty()) {
      defaults.add("--no-defaults");
    }
    boolean initialize = rest.contains("--initialize") || rest.contains("--initialize-insecure");
    boolean datadirGiven =
        rest.stream().anyMatch(o -> o.startsWith("--datadir="))
            || defaultsText.lines().anyMatch(l -> l.strip().matches("datadir\\s*=.*"));
    List<String> command = new ArrayList<>();
    command.add(host.mysqld().toString());
    command.addAll(defaults);
    command.addAll(rest);
    if (!datadirGiven) {
      command.add("--datadir=" + host.defaultDatadir());
    }
    command.add("--basedir=" + host.baseDir());
    command.add("--user=" + host.user());
    if (!initialize) {
      command.add("--bind-address=" + host.podIp());
      command.add("--mysqlx-bind-address=" + host.podIp());
      command.add("--socket=" + host.socketBase() + ".sock");
      command.add("--mysqlx-socket=" + host.socketBase() + "x.sock");
      command.add("--pid-file=" + host.workDir().resolve("mysqld.pid"));
    }
    return new Result(command, initialize, !datadirGiven);
  }
}
