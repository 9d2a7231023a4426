package dev.moco4j.charts;

import java.nio.file.Path;

/** The chart directories, beside this module's pom. */
final class Charts {

  static final Path DIR = Path.of("").toAbsolutePath();

  private Charts() {}

  static Path chart(String name) {
    return DIR.resolve(name);
  }
}
