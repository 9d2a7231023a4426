package dev.moco4j.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which container paths in free text (arguments, option files, shell scripts) are rewritten. */
class PathMapperTest {

  /** Host directories that themselves start like mounts, as when the stack lives under /tmp. */
  private static final PathMapper PATHS =
      PathMapper.of(
          Map.of(
              "/var/lib/mysql", Path.of("/tmp/stack/claim"),
              "/var/lib/mysql/conf", Path.of("/tmp/stack/conf"),
              "/run/moco4j", Path.of("/tmp/stack/run"),
              "/tmp", Path.of("/tmp/stack/tmp")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[ -d /var/lib/mysql/data ] | [ -d /tmp/stack/claim/data ]",
        "--datadir=/var/lib/mysql/data.init | --datadir=/tmp/stack/claim/data.init",
        "mv /var/lib/mysql/data.init /var/lib/mysql | mv /tmp/stack/claim/data.init /tmp/stack/claim",
        "printf x > /run/moco4j/server-id.cnf | printf x > /tmp/stack/run/server-id.cnf",
        "cd /tmp; ls /tmp&&(ls /tmp) | cd /tmp/stack/tmp; ls /tmp/stack/tmp&&(ls /tmp/stack/tmp)",
        "`x=\"/tmp\" y='/tmp'` | `x=\"/tmp/stack/tmp\" y='/tmp/stack/tmp'`",
        "PATH=/tmp:/run/moco4j | PATH=/tmp/stack/tmp:/tmp/stack/run",
        "!include /var/lib/mysql/conf/a.cnf | !include /tmp/stack/conf/a.cnf",
      })
  void mountPathsAtPathBoundariesBecomeTheLongestMountsHostDirectory(String text, String host) {
    assertThat(PATHS.text(text)).isEqualTo(host);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/tmpfs/x",
        "/tmp.d/x",
        "/tmp-old",
        "/tmp$SUFFIX",
        "$HOME/tmp",
        "${HOME}/tmp",
        "$(pwd)/tmp",
        "./tmp/x",
        "~/tmp",
        "/usr/tmp",
        "/var/lib/mysqlx",
        "/run/moco4j2/a",
      })
  void pathsThatOnlyContainOrExtendAMountPathStayAsTheyAre(String text) {
    assertThat(PATHS.text(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"/tmp/stack/tmp/x", "/tmp/stack/claim/data"})
  void hostPathsAreNotRewrittenAgainWhenTheTextIsRewrittenOnce(String hostPath) {
    assertThat(PATHS.text("/tmp/x /var/lib/mysql/data"))
        .isEqualTo("/tmp/stack/tmp/x /tmp/stack/claim/data")
        .contains(hostPath);
  }
}
