package dev.moco4j.eventbus;

import java.util.List;
import java.util.Map;

/** What an absent field means when a message is read, shared by the records' constructors. */
final class Defaults {

  private Defaults() {}

  /** Every writer sets the version, so only a message from before versioning could lack it. */
  static int schemaVersion(int version) {
    return version == 0 ? EventBusMessage.FIRST_SCHEMA_VERSION : version;
  }

  /** Copies too: codecs hand the same object to local consumers, so it must not change later. */
  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static <K, V> Map<K, V> map(Map<K, V> values) {
    return values == null ? Map.of() : Map.copyOf(values);
  }

  static <E extends Enum<E>> E orElse(E value, E fallback) {
    return value == null ? fallback : value;
  }
}
