package dev.moco4j.local.kubelet;

import dev.moco4j.local.process.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies a mysqld option file with container paths rewritten to host paths. Files it names with
 * {@code !include} or {@code !includedir} are copied and rewritten the same way and the directive
 * points at the copy, since they hold container paths too (a ConfigMap's my.cnf including a file an
 * init container wrote into an emptyDir, say).
 */
final class DefaultsFiles {

  /** mysqld gives up on include chains deeper than this; so do we, instead of looping. */
  private static final int MAX_DEPTH = 10;

  /**
   * A directive is a line starting (after blanks) with the keyword and a blank; the rest is a path.
   */
  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*!(include|includedir)\\s+(.*?)\\s*$");

  private final PathMapper paths;
  private final Path copies;
  private final List<String> texts = new ArrayList<>();
  private int counter;

  private DefaultsFiles(PathMapper paths, Path copies) {
    this.paths = paths;
    this.copies = copies;
  }

  /**
   * Writes the rewritten {@code source} to {@code target} (included files beside it, in {@code
   * <target>.d}) and returns the text of every file copied, for callers that look for an option.
   */
  static String copy(Path source, Path target, PathMapper paths) {
    Path copies = target.resolveSibling(target.getFileName() + ".d");
    Directories.deleteRecursively(copies);
    DefaultsFiles files = new DefaultsFiles(paths, copies);
    files.copyFile(source, target, 0);
    return String.join("\n", files.texts);
  }

  private void copyFile(Path source, Path target, int depth) {
    String rewritten = paths.text(read(source));
    texts.add(rewritten);
    StringBuilder out = new StringBuilder();
    for (String line : rewritten.split("\n", -1)) {
      Matcher directive = DIRECTIVE.matcher(line);
      if (directive.matches() && depth < MAX_DEPTH) {
        line = "!" + directive.group(1) + " " + follow(directive, depth);
      }
      out.append(line).append('\n');
    }
    write(target, out.substring(0, out.length() - 1));
  }

  /** Copies what a directive names and returns the copy's path; a missing one stays as named. */
  private String follow(Matcher directive, int depth) {
    Path named = Path.of(directive.group(2));
    Path copy = copies.resolve(++counter + "-" + named.getFileName());
    if (directive.group(1).equals("include")) {
      if (!Files.isRegularFile(named)) {
        return named.toString();
      }
      copyFile(named, copy, depth + 1);
      return copy.toString();
    }
    if (!Files.isDirectory(named)) {
      return named.toString();
    }
    // mysqld reads only the *.cnf files of an included directory.
    try (var files = Files.list(named)) {
      Files.createDirectories(copy);
      for (Path file : files.sorted().toList()) {
        if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(".cnf")) {
          copyFile(file, copy.resolve(file.getFileName()), depth + 1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + named, e);
    }
    return copy.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the option file " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
