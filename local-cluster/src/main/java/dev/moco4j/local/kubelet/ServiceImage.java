package dev.moco4j.local.kubelet;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A JVM image the process kubelet can run: containers whose image names this repository run as
 * {@code java -cp <classpath> <mainClass> <args>}, as the image's entrypoint would.
 *
 * @param repository the image name without registry host, tag or digest, e.g. {@code
 *     moco4j/reconciler}; an image matches when its path equals it or ends with {@code
 *     /<repository>}
 * @param mainClass the entrypoint's main class
 * @param classpath jars and class directories, in order
 */
public record ServiceImage(String repository, String mainClass, List<Path> classpath) {

  public ServiceImage {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(mainClass, "mainClass");
    classpath = List.copyOf(classpath);
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("image " + repository + ": empty classpath");
    }
  }
}
