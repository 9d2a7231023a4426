package dev.moco4j.reconciler.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}: compared by default, rewritten with {@code
 * -Dgolden.update=true} (then review the diff before committing it).
 */
final class Golden {

  static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private Golden() {}

  static String read(String file) {
    try {
      return Files.readString(DIR.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertMatches(String file, String actual) {
    Path path = DIR.resolve(file);
    try {
      if (UPDATE) {
        Files.createDirectories(path.getParent());
        Files.writeString(path, actual);
        return;
      }
      assertThat(path)
          .as("golden file %s is missing: run the test with -Dgolden.update=true", path)
          .exists();
      assertThat(actual)
          .as("%s differs: if the change is intended, rerun with -Dgolden.update=true", path)
          .isEqualTo(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
