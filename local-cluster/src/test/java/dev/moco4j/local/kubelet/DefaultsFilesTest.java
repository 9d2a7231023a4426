package dev.moco4j.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of option files with container paths rewritten, included files and directories too. */
class DefaultsFilesTest {

  @TempDir Path root;

  @Test
  void includedFilesAndDirectoriesAreCopiedRewrittenAndTheDirectivesPointAtTheCopies()
      throws IOException {
    Path etc = Files.createDirectories(root.resolve("volumes/mycnf"));
    Path run = Files.createDirectories(root.resolve("volumes/run"));
    Path confD = Files.createDirectories(etc.resolve("conf.d"));
    PathMapper paths =
        PathMapper.of(Map.of("/etc/mysql", etc, "/run/moco4j", run, "/tmp", root.resolve("tmp")));
    Files.writeString(
        etc.resolve("my.cnf"),
        "[mysqld]\nsocket = /run/moco4j/mysqld.sock\n"
            + "!include /run/moco4j/server-id.cnf\n"
            + "  !includedir   /etc/mysql/conf.d  \n"
            + "!include /run/moco4j/missing.cnf\n");
    Files.writeString(run.resolve("server-id.cnf"), "[mysqld]\nserver_id = 7\n");
    Files.writeString(confD.resolve("tmp.cnf"), "[mysqld]\ntmpdir = /tmp\n");
    Files.writeString(confD.resolve("notes.txt"), "tmpdir = /elsewhere\n");
    Path target = root.resolve("container/my.cnf");

    String all = DefaultsFiles.copy(etc.resolve("my.cnf"), target, paths);

    String copy = Files.readString(target);
    assertThat(copy)
        .contains("socket = " + run.resolve("mysqld.sock"))
        .contains("!include " + run.resolve("missing.cnf"))
        .doesNotContain("/run/moco4j/", "/etc/mysql/");
    Path included = directive(copy, "!include ", "server-id.cnf");
    assertThat(included)
        .startsWith(root.resolve("container"))
        .hasContent("[mysqld]\nserver_id = 7");
    Path includedDir = directive(copy, "!includedir ", "conf.d");
    assertThat(includedDir).startsWith(root.resolve("container"));
    assertThat(includedDir.resolve("tmp.cnf"))
        .hasContent("[mysqld]\ntmpdir = " + root.resolve("tmp"));
    assertThat(includedDir.resolve("notes.txt")).doesNotExist();
    assertThat(all).contains("server_id = 7", "tmpdir = " + root.resolve("tmp"));
  }

  @Test
  void anIncludeThatIncludesItselfStopsAtMysqldsDepthLimit() throws IOException {
    Path etc = Files.createDirectories(root.resolve("etc"));
    Files.writeString(etc.resolve("loop.cnf"), "!include /etc/mysql/loop.cnf\n");
    PathMapper paths = PathMapper.of(Map.of("/etc/mysql", etc));

    String all = DefaultsFiles.copy(etc.resolve("loop.cnf"), root.resolve("c/my.cnf"), paths);

    // The file itself and ten levels of includes, then the directive is left as it is.
    assertThat(all.lines().filter(l -> l.startsWith("!include")).count()).isEqualTo(11);
  }

  private static Path directive(String text, String keyword, String name) {
    return text.lines()
        .filter(l -> l.startsWith(keyword) && l.endsWith(name))
        .map(l -> Path.of(l.substring(keyword.length())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + keyword + name + " in\n" + text));
  }
}
