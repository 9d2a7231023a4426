package dev.moco4j.local.kubelet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code mysqld} a container's shell script finds first on its PATH. A small shell script runs
 * this class's {@link #main} in a fresh JVM, which writes the host command line ({@link
 * MysqldCommand}, the same as a {@code mysqld} container gets) to a file; the script then execs it,
 * so mysqld replaces the wrapper and the script waits for (and signals) mysqld itself. The command
 * line is computed when the script calls mysqld, not when the container starts, because option
 * files the script writes first (a server_id file an {@code !include} names) must be copied then.
 */
final class MysqldWrapper {

  private static final String MOUNT = "mount.";

  private MysqldWrapper() {}

  /** Writes {@code bin/mysqld} and the description of {@code host} and {@code paths} it reads. */
  static void install(Path bin, MysqldCommand.Host host, PathMapper paths) {
    Properties spec = new Properties();
    spec.setProperty("mysqld", host.mysqld().toString());
    spec.setProperty("baseDir", host.baseDir().toString());
    spec.setProperty("user", host.user());
    spec.setProperty("podIp", host.podIp());
    spec.setProperty("socketBase", host.socketBase());
    spec.setProperty("workDir", host.workDir().toString());
    spec.setProperty("defaultDatadir", host.defaultDatadir().toString());
    int i = 0;
    for (var mount : paths.mounts().entrySet()) {
      spec.setProperty(MOUNT + i + ".container", mount.getKey());
      spec.setProperty(MOUNT + i + ".host", mount.getValue().toString());
      i++;
    }
    Path specFile = bin.resolve("mysqld.properties");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String script =
        String.join(
            "\n",
            "#!/bin/sh",
            "# mysqld as a mysql image's PATH offers it, run as the process kubelet runs mysqld.",
            "argv=" + quote(bin.toString()) + "/argv.$$",
            quote(java.toString())
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -cp "
                + quote(System.getProperty("java.class.path"))
                + " "
                + MysqldWrapper.class.getName()
                + " "
                + quote(specFile.toString())
                + " \"$argv\" \"$@\" || exit $?",
            "set --",
            "while IFS= read -r option; do set -- \"$@\" \"$option\"; done < \"$argv\"",
            "rm -f \"$argv\"",
            "exec \"$@\"",
            "");
    try {
      Files.createDirectories(bin);
      Files.createDirectories(host.workDir());
      try (Writer out = Files.newBufferedWriter(specFile)) {
        spec.store(out, "the mysqld wrapper's host and mounts");
      }
      Path wrapper = bin.resolve("mysqld");
      Files.writeString(wrapper, script);
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the mysqld wrapper in " + bin, e);
    }
  }

  /**
   * {@code <spec file> <argv file> <mysqld options...>}: writes mysqld's host command line to the
   * argv file, one argument a line.
   */
  public static void main(String[] args) throws IOException {
    Properties spec = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
      spec.load(in);
    }
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (int i = 0; spec.containsKey(MOUNT + i + ".container"); i++) {
      mounts.put(
          spec.getProperty(MOUNT + i + ".container"),
          Path.of(spec.getProperty(MOUNT + i + ".host")));
    }
    MysqldCommand.Host host =
        new MysqldCommand.Host(
            Path.of(spec.getProperty("mysqld")),
            Path.of(spec.getProperty("baseDir")),
            spec.getProperty("user"),
            spec.getProperty("podIp"),
            spec.getProperty("socketBase"),
            Path.of(spec.getProperty("workDir")),
            Path.of(spec.getProperty("defaultDatadir")));
    // The options are in host paths already: the kubelet rewrote the script before the shell ran
    // it. Rewriting them again would break host paths that start like a mount (/tmp/...).
    List<String> options = List.of(args).subList(2, args.length);
    List<String> command = MysqldCommand.build(host, options, PathMapper.of(mounts)).command();
    if (command.stream().anyMatch(a -> a.contains("\n"))) {
      System.err.println("mysqld wrapper: an option contains a line break: " + options);
      System.exit(2);
    }
    Files.write(Path.of(args[1]), command);
  }

  /** Single-quotes a word for sh. */
  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
