package dev.moco4j.reconciler.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a generated my.cnf the way mysqld applies it, independently of the model: the last value of
 * an option in [mysqld] wins, '-' and '_' are the same, and {@code loose_} is dropped.
 */
final class MyCnfText {

  private MyCnfText() {}

  static Map<String, String> mysqld(String content) {
    Map<String, String> values = new LinkedHashMap<>();
    String group = "";
    for (String raw : content.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      if (line.startsWith("[")) {
        group = line;
        continue;
      }
      if (!group.equals("[mysqld]")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase().replace('-', '_');
      if (key.startsWith("loose_")) {
        key = key.substring("loose_".length());
      }
      values.put(key, eq < 0 ? "" : line.substring(eq + 1).strip());
    }
    return values;
  }

  /** Every key line of [mysqld], in file order, as written. */
  static List<String> keysAsWritten(String content) {
    List<String> keys = new ArrayList<>();
    boolean inMysqld = false;
    for (String line : content.split("\n")) {
      if (line.startsWith("[")) {
        inMysqld = line.equals("[mysqld]");
      } else if (inMysqld && !line.isBlank() && !line.startsWith("!") && !line.startsWith("#")) {
        keys.add(line.split("=")[0].strip());
      }
    }
    return keys;
  }
}
