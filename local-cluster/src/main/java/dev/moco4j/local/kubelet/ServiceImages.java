package dev.moco4j.local.kubelet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The JVM images a process kubelet runs, by repository; the kubelet starts with none. */
public final class ServiceImages {

  /** moco4j's services: module directory = image repository's last segment. */
  public static final List<String> SERVICE_MODULES =
      List.of("reconciler", "health-monitor", "backup-service", "restore-service");

  private final Map<String, ServiceImage> byRepository = new ConcurrentHashMap<>();

  public void register(ServiceImage image) {
    byRepository.put(image.repository(), image);
  }

  /** The registered image an image reference names, ignoring registry host, tag and digest. */
  public Optional<ServiceImage> find(String image) {
    if (image == null) {
      return Optional.empty();
    }
    String path = repositoryPath(image);
    return byRepository.values().stream()
        .filter(i -> path.equals(i.repository()) || path.endsWith("/" + i.repository()))
        .findFirst();
  }

  /** {@code host:5000/moco4j/reconciler:0.1@sha256:...} to {@code host:5000/moco4j/reconciler}. */
  static String repositoryPath(String image) {
    String name = image;
    int digest = name.indexOf('@');
    if (digest >= 0) {
      name = name.substring(0, digest);
    }
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      name = name.substring(0, colon);
    }
    return name;
  }

  /**
   * The images {@code moco4j/<module>} of moco4j's services as built in a source tree: each
   * module's runnable jar in {@code target/} (its manifest names the main class and the {@code
   * lib/} dependencies). Modules not built yet are left out.
   */
  public static List<ServiceImage> fromBuild(Path sourceTree) {
    List<ServiceImage> images = new ArrayList<>();
    for (String module : SERVICE_MODULES) {
      builtImage(module, sourceTree.resolve(module).resolve("target")).ifPresent(images::add);
    }
    return images;
  }

  /** The module's jar in {@code target} whose manifest names a main class, as an image. */
  private static Optional<ServiceImage> builtImage(String module, Path target) {
    String prefix = "moco4j-" + module + "-";
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix)
                    && name.endsWith(".jar")
                    && !name.endsWith("-sources.jar")
                    && !name.endsWith("-tests.jar")
                    && !name.endsWith("-javadoc.jar");
              })
          .flatMap(
              jar ->
                  mainClass(jar)
                      .map(main -> new ServiceImage("moco4j/" + module, main, List.of(jar)))
                      .stream())
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> mainClass(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      var manifest = file.getManifest();
      return Optional.ofNullable(
          manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
