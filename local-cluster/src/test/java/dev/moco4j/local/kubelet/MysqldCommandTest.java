package dev.moco4j.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the host adds to a container's mysqld options, for a server and for --initialize. */
class MysqldCommandTest {

  @TempDir Path root;

  private MysqldCommand.Host host() {
    return new MysqldCommand.Host(
        Path.of("/dist/bin/mysqld"),
        Path.of("/dist"),
        "tester",
        "127.0.0.9",
        "/sock/127.0.0.9-1",
        root.resolve("work"),
        root.resolve("default-data"));
  }

  @Test
  void aServerGetsTheDefaultsFileFirstAndThePodsAddressSocketsAndPidFileLast() throws IOException {
    Path cnf = Files.writeString(root.resolve("my.cnf"), "[mysqld]\nport = 3306\n");

    List<String> command =
        MysqldCommand.build(
                host(), List.of("--server-id=3", "--defaults-file=" + cnf), PathMapper.of(Map.of()))
            .command();

    assertThat(command)
        .containsExactly(
            "/dist/bin/mysqld",
            "--defaults-file=" + root.resolve("work/my.cnf"),
            "--server-id=3",
            "--datadir=" + root.resolve("default-data"),
            "--basedir=/dist",
            "--user=tester",
            "--bind-address=127.0.0.9",
            "--mysqlx-bind-address=127.0.0.9",
            "--socket=/sock/127.0.0.9-1.sock",
            "--mysqlx-socket=/sock/127.0.0.9-1x.sock",
            "--pid-file=" + root.resolve("work/mysqld.pid"));
  }

  @Test
  void initializingGetsNoServerOptionsAndKeepsADatadirSetInAnIncludedFile() throws IOException {
    Path run = Files.createDirectories(root.resolve("run"));
    Files.writeString(run.resolve("data.cnf"), "[mysqld]\ndatadir = /var/lib/mysql/data\n");
    Path cnf = Files.writeString(root.resolve("my.cnf"), "!include /run/moco4j/data.cnf\n");

    MysqldCommand.Result result =
        MysqldCommand.build(
            host(),
            List.of("--defaults-file=" + cnf, "--initialize-insecure"),
            PathMapper.of(Map.of("/run/moco4j", run)));

    assertThat(result.initialize()).isTrue();
    assertThat(result.datadirDefaulted()).isFalse();
    assertThat(result.command())
        .containsExactly(
            "/dist/bin/mysqld",
            "--defaults-file=" + root.resolve("work/my.cnf"),
            "--initialize-insecure",
            "--basedir=/dist",
            "--user=tester");
  }

  @Test
  void withoutAnOptionFileTheHostsOptionFilesAreKeptOut() {
    List<String> command =
        MysqldCommand.build(host(), List.of("--initialize"), PathMapper.of(Map.of())).command();

    assertThat(command.get(1)).isEqualTo("--no-defaults");
    assertThat(command).contains("--datadir=" + root.resolve("default-data"));
  }
}
