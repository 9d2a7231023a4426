package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates paths inside a container (its volume mounts) to host directories: there is no mount
 * namespace, so {@code /var/lib/mysql/data} in an argument or config file must become the host
 * directory of the volume mounted at {@code /var/lib/mysql}.
 */
final class PathMapper {

  private record Mount(String containerPath, Path hostPath) {}

  private final List<Mount> mounts;

  PathMapper(Container container, Map<String, Path> volumes) {
    this(
        container.getVolumeMounts().stream()
            .filter(m -> volumes.containsKey(m.getName()))
            .map(m -> new Mount(strip(m.getMountPath()), hostPath(m, volumes)))
            .toList());
  }

  private PathMapper(List<Mount> mounts) {
    // Longest first: a mount at /a/b wins over one at /a.
    this.mounts =
        mounts.stream()
            .sorted(Comparator.comparingInt((Mount m) -> m.containerPath().length()).reversed())
            .toList();
  }

  /** A mapper for the given mount points (container path to host directory). */
  static PathMapper of(Map<String, Path> mounts) {
    return new PathMapper(
        mounts.entrySet().stream().map(e -> new Mount(strip(e.getKey()), e.getValue())).toList());
  }

  /** The mount points, container path to host directory, so another process can rebuild this. */
  Map<String, Path> mounts() {
    Map<String, Path> result = new LinkedHashMap<>();
    mounts.forEach(m -> result.put(m.containerPath(), m.hostPath()));
    return result;
  }

  private static Path hostPath(VolumeMount mount, Map<String, Path> volumes) {
    Path base = volumes.get(mount.getName());
    String sub = mount.getSubPath();
    return sub == null || sub.isEmpty() ? base : base.resolve(sub);
  }

  /** The host directory of the volume mounted exactly at {@code containerPath}, if any. */
  Optional<Path> mountedAt(String containerPath) {
    String wanted = strip(containerPath);
    return mounts.stream()
        .filter(m -> m.containerPath().equals(wanted))
        .map(Mount::hostPath)
        .findFirst();
  }

  /** Rewrites one absolute container path; paths under no mount stay as they are. */
  String path(String containerPath) {
    for (Mount m : mounts) {
      if (containerPath.equals(m.containerPath())) {
        return m.hostPath().toString();
      }
      if (containerPath.startsWith(m.containerPath() + "/")) {
        return m.hostPath() + containerPath.substring(m.containerPath().length());
      }
    }
    return containerPath;
  }

  /**
   * Rewrites every mounted path that appears in free text (an option value, a config line, a shell
   * script), in one pass so a host path that itself starts like a mount (say {@code /tmp}) is never
   * rewritten again. A mount path counts only at path boundaries: not after a character that would
   * make it the tail of a longer word or path ({@code $HOME/tmp}, {@code ${D}/tmp}, {@code ./tmp}),
   * not before one that would make it a longer name ({@code /tmpfs}, {@code /tmp.d}, {@code
   * /tmp$X}).
   */
  String text(String text) {
    if (mounts.isEmpty()) {
      return text;
    }
    String alternatives =
        String.join("|", mounts.stream().map(m -> Pattern.quote(m.containerPath())).toList());
    Matcher matcher =
        Pattern.compile("(?<![\\w./~})$-])(" + alternatives + ")(?![\\w.$-])").matcher(text);
    return matcher.replaceAll(r -> Matcher.quoteReplacement(path(r.group(1))));
  }

  private static String strip(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
