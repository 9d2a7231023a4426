package dev.moco4j.service;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The namespaces a service watches for MySQLClusters: all of them, or a fixed set.
 *
 * @param all whether every namespace is watched; then {@code names} is empty
 * @param names the namespaces watched when not all
 */
public record WatchedNamespaces(boolean all, Set<String> names) {

  /** The variable every service reads its namespaces from. */
  public static final String ENV = "MOCO4J_WATCH_NAMESPACES";

  static final String HINT =
      "a comma-separated list of namespaces to watch (e.g. shop,billing), or * to watch all";

  // A namespace name is an RFC 1123 DNS label.
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public WatchedNamespaces {
    names = Set.copyOf(names);
    if (all != names.isEmpty()) {
      throw new IllegalArgumentException("either all namespaces or a non-empty set of names");
    }
  }

  public static WatchedNamespaces allNamespaces() {
    return new WatchedNamespaces(true, Set.of());
  }

  public static WatchedNamespaces of(Set<String> names) {
    return new WatchedNamespaces(false, names);
  }

  /** Reads {@value #ENV}; required, so that watching everything is a deliberate choice. */
  public static WatchedNamespaces fromEnv(EnvConfig env) {
    return env.required(ENV, WatchedNamespaces::parse, HINT);
  }

  /**
   * @throws IllegalArgumentException for an invalid name, or {@code *} mixed with names
   */
  public static WatchedNamespaces parse(String value) {
    Set<String> entries =
        Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(entry -> !entry.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    if (entries.equals(Set.of("*"))) {
      return allNamespaces();
    }
    if (entries.isEmpty() || !entries.stream().allMatch(n -> NAMESPACE.matcher(n).matches())) {
      throw new IllegalArgumentException("not a list of namespace names: " + value);
    }
    return of(entries);
  }

  @Override
  public String toString() {
    return all ? "all namespaces" : String.join(",", names.stream().sorted().toList());
  }
}
