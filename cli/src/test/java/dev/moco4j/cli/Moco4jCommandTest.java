package dev.moco4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Parsing and refusals that need no API server: the client is never made. */
class Moco4jCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var line =
        Moco4jCommand.commandLine(
            (kubeconfig, context, namespace) -> {
              throw new AssertionError("no client is needed for this");
            });
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  @Test
  void anUnknownUserIsRefusedWithTheUsersThatExist() {
    assertThat(run("credential", "shop", "-u", "root")).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: unknown user root: use readonly, writable, admin, backup or replication");
  }

  @Test
  void anUnknownOutputFormatIsRefused() {
    assertThat(run("status", "shop", "-o", "yaml")).isEqualTo(1);
    assertThat(err.toString()).contains("--output must be text or json, not yaml");
  }

  @Test
  void aMissingClusterNameIsAUsageError() {
    assertThat(run("status")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'CLUSTER'");
  }

  @Test
  void helpListsEveryCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("status", "credential", "switchover", "stop", "start", "generate-completion");
  }

  @Test
  void completionIsGeneratedForBash() {
    assertThat(run("generate-completion")).isZero();
    assertThat(out.toString()).contains("complete -F");
  }
}
