package dev.moco4j.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChartCrdsTest {

  @Test
  void chartHoldsExactlyTheCrdsTheClassesGenerate() throws IOException {
    assertThat(fileNames(ChartCrds.CHART_DIR, ""))
        .containsExactlyInAnyOrderElementsOf(fileNames(ChartCrds.GENERATED_DIR, "-v1.yml"))
        .contains(ChartCrds.MYSQL_CLUSTERS, ChartCrds.BACKUP_POLICIES);
  }

  @Test
  void chartCopiesAreIdenticalToTheFreshlyGeneratedFiles() throws IOException {
    for (String name : fileNames(ChartCrds.GENERATED_DIR, "-v1.yml")) {
      assertThat(ChartCrds.CHART_DIR.resolve(name))
          .as("%s in the chart; rebuild the api module and commit the chart", name)
          .hasSameTextualContentAs(ChartCrds.GENERATED_DIR.resolve(name));
    }
  }

  @Test
  void chartCrdsContainNothingHelmWouldTemplate() throws IOException {
    for (String name : fileNames(ChartCrds.CHART_DIR, "")) {
      assertThat(Files.readString(ChartCrds.CHART_DIR.resolve(name))).doesNotContain("{{");
    }
  }

  private static List<String> fileNames(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .sorted()
          .toList();
    }
  }
}
